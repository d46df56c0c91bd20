package org.supvisors.cli.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Resolves the {@link ClientSettings} as supervisorctl resolves its options, then finds the agent: command-line
 * options first, then the {@code [supervisorctl]} section of the configuration file ({@code -c FILE}, else the first
 * of supervisorctl's search paths that exists), then the defaults.
 *
 * <p>The agent of a supervisord listens on its HTTP port + {@code agent_port_offset} (default 2, from the
 * {@code [supvisors]} section, which may be in an included file). So when the file has a {@code [supvisors]} section,
 * the URL read from {@code serverurl} gets that offset on its port; a {@code unix://} URL is replaced by the
 * {@code [inet_http_server]}'s port + the offset. {@code -s URL} is the agent's URL as given.
 */
public final class ClientConfiguration {

    /** supervisorctl's default {@code serverurl} (without a file, the agent is at its port + the default offset). */
    public static final String DEFAULT_SERVER_URL = "http://localhost:9001";
    public static final int DEFAULT_AGENT_PORT_OFFSET = 2;

    private ClientConfiguration() {
    }

    /** supervisorctl's search paths, the first two relative to the distribution's home when known. */
    public static List<Path> searchPaths(Path home) {
        List<Path> paths = new ArrayList<>();
        if (home != null) {
            paths.add(home.resolve("etc/supervisord.conf"));
            paths.add(home.resolve("supervisord.conf"));
        }
        paths.add(Path.of("supervisord.conf"));
        paths.add(Path.of("etc/supervisord.conf"));
        paths.add(Path.of("/etc/supervisord.conf"));
        paths.add(Path.of("/etc/supervisor/supervisord.conf"));
        return paths;
    }

    /**
     * The settings.
     *
     * @param configuration {@code -c FILE}, {@code null} to search
     * @param serverUrl     {@code -s URL}, or {@code null}
     * @param username      {@code -u}, or {@code null}
     * @param password      {@code -p}, or {@code null}
     * @param historyFile   {@code -r}, or {@code null}
     * @param searchPaths   where to look for a file when {@code configuration} is {@code null}
     * @param environment   for {@code %(ENV_X)s}
     */
    public static ClientSettings resolve(Path configuration, String serverUrl, String username, String password,
                                         Path historyFile, List<Path> searchPaths, Map<String, String> environment)
            throws ConfigurationException {
        Path file = configuration;
        if (file == null) {
            for (Path candidate : searchPaths) {
                if (Files.isRegularFile(candidate)) {
                    file = candidate;
                    break;
                }
            }
        } else if (!Files.exists(file)) {
            throw new ConfigurationException("could not find config file " + file);
        }
        String url = DEFAULT_SERVER_URL;
        String user = null;
        String pass = null;
        String prompt = "supervisor";
        Path history = null;
        int offset = DEFAULT_AGENT_PORT_OFFSET;
        if (file != null) {
            Expansions expansions = new Expansions(file.toAbsolutePath().getParent(), environment);
            IniFile ini = IniFile.read(file);
            includes(ini, expansions);
            boolean ctl = ini.has("supervisorctl");
            if (!ctl && !ini.has("inet_http_server")) {
                throw new ConfigurationException(".ini file does not include supervisorctl section");
            }
            String option = value(ini, expansions, "supervisorctl", "serverurl");
            if (option != null) {
                url = option;
            } else {
                String port = value(ini, expansions, "inet_http_server", "port");
                url = port == null ? url : "http://" + hostPort(port);
            }
            user = value(ini, expansions, "supervisorctl", "username");
            pass = value(ini, expansions, "supervisorctl", "password");
            String text = value(ini, expansions, "supervisorctl", "prompt");
            prompt = text == null ? prompt : text;
            String historyText = value(ini, expansions, "supervisorctl", "history_file");
            history = historyText == null || historyText.isEmpty() ? null
                    : file.toAbsolutePath().getParent().resolve(historyText).normalize();
            if (ini.has("supvisors")) {
                String offsetText = value(ini, expansions, "supvisors", "agent_port_offset");
                if (offsetText != null) {
                    try {
                        offset = Integer.parseInt(offsetText.strip());
                    } catch (NumberFormatException e) {
                        throw new ConfigurationException(ini.path() + ": [supvisors] agent_port_offset: " + offsetText
                                + " (expected: an integer)");
                    }
                }
                url = agentUrl(url, value(ini, expansions, "inet_http_server", "port"), offset);
            }
        }
        if (file == null) {
            // no file: the agent of supervisorctl's default supervisord
            url = agentUrl(url, null, offset);
        }
        if (serverUrl != null) {
            url = serverUrl;
        }
        return new ClientSettings(url, username != null ? username : user, password != null ? password : pass, prompt,
                historyFile != null ? historyFile : history, offset);
    }

    /** The agent's URL for supervisord's {@code url}: its port + {@code offset}. */
    static String agentUrl(String url, String inetPort, int offset) {
        if (url.startsWith("unix://")) {
            return inetPort == null ? url : "http://" + shift(hostPort(inetPort), offset);
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int start = scheme + 3;
        int end = url.indexOf('/', start);
        String authority = end < 0 ? url.substring(start) : url.substring(start, end);
        String rest = end < 0 ? "" : url.substring(end);
        String userInfo = "";
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = authority.substring(0, at + 1);
            authority = authority.substring(at + 1);
        }
        int colon = authority.lastIndexOf(':');
        if (colon < 0 || authority.endsWith("]")) {
            String port = url.startsWith("https") ? "443" : "80";
            authority = authority + ":" + port;
        }
        return url.substring(0, start) + userInfo + shift(authority, offset) + rest;
    }

    private static String shift(String hostPort, int offset) {
        int colon = hostPort.lastIndexOf(':');
        try {
            return hostPort.substring(0, colon + 1) + (Integer.parseInt(hostPort.substring(colon + 1)) + offset);
        } catch (NumberFormatException e) {
            return hostPort;
        }
    }

    /** {@code [inet_http_server] port} as {@code host:port}: a missing or {@code *} host is this host. */
    private static String hostPort(String port) {
        String text = port.strip();
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "" : text.substring(0, colon);
        String number = colon < 0 ? text : text.substring(colon + 1);
        if (host.isEmpty() || host.equals("*") || host.equals("0.0.0.0")) {
            host = "localhost";
        }
        return host + ":" + number;
    }

    private static String value(IniFile ini, Expansions expansions, String section, String option)
            throws ConfigurationException {
        String raw = ini.get(section, option);
        return raw == null ? null : expansions.expand(raw, ini.path() + ": [" + section + "] " + option);
    }

    /** supervisord's {@code [include] files}: globs relative to the main file, their sections added. */
    private static void includes(IniFile ini, Expansions expansions) throws ConfigurationException {
        String files = value(ini, expansions, "include", "files");
        if (files == null) {
            return;
        }
        Path base = ini.path().toAbsolutePath().getParent();
        for (String pattern : files.split("\\s+")) {
            if (pattern.isEmpty()) {
                continue;
            }
            Path glob = base.resolve(pattern);
            Path directory = glob.getParent();
            if (directory == null || !Files.isDirectory(directory)) {
                continue;
            }
            TreeSet<Path> matches = new TreeSet<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, glob.getFileName().toString())) {
                for (Path match : stream) {
                    matches.add(match);
                }
            } catch (IOException e) {
                throw new ConfigurationException(ini.path() + ": [include] files: cannot list " + directory + ": "
                        + e.getMessage());
            }
            for (Path match : matches) {
                ini.include(IniFile.read(match));
            }
        }
    }

    /**
     * supervisord's {@code %(name)s} expansions: {@code here}, {@code host_node_name}, {@code ENV_X}, and {@code %%}.
     */
    private static final class Expansions {
        private final Path here;
        private final Map<String, String> environment;

        Expansions(Path here, Map<String, String> environment) {
            this.here = here;
            this.environment = environment;
        }

        String expand(String text, String where) throws ConfigurationException {
            if (text.indexOf('%') < 0) {
                return text;
            }
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c != '%') {
                    out.append(c);
                    i++;
                } else if (text.startsWith("%%", i)) {
                    out.append('%');
                    i += 2;
                } else if (text.startsWith("%(", i) && text.indexOf(")s", i) > 0) {
                    int end = text.indexOf(")s", i);
                    String name = text.substring(i + 2, end);
                    out.append(lookup(name, text, where));
                    i = end + 2;
                } else {
                    throw new ConfigurationException(where + ": " + text + " (expected: %(name)s or %%)");
                }
            }
            return out.toString();
        }

        private String lookup(String name, String text, String where) throws ConfigurationException {
            if (name.equals("here")) {
                return here.toString();
            }
            if (name.equals("host_node_name")) {
                try {
                    return InetAddress.getLocalHost().getHostName();
                } catch (IOException e) {
                    return "localhost";
                }
            }
            if (name.startsWith("ENV_") && environment.containsKey(name.substring(4))) {
                return environment.get(name.substring(4));
            }
            throw new ConfigurationException(where + ": " + text + " (expected: %(here)s, %(host_node_name)s or"
                    + " %(ENV_<variable>)s)");
        }
    }
}
