package org.supvisors.transport.supervisord;

import java.io.InterruptedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.apache.xmlrpc.client.XmlRpcClientException;
import org.supvisors.transport.config.HttpServerSettings;

/**
 * supervisord's standard XML-RPC API ({@code supervisor.*}), typed, over the Apache XML-RPC 3.1.3 client: vendor
 * extensions off, Basic credentials from {@code [inet_http_server]}, one fresh connection per call (see
 * {@link LiteTransportFactory}), connection and reply timeouts.
 *
 * <p>Errors: a fault answered by supervisord is a {@link SupervisordFaultException} with Supervisor's code (e.g.
 * {@code BAD_NAME}, 10); anything else (refused, timed out, HTTP 401, unreadable or unexpected answer) is a
 * {@link SupervisordTransportException} naming the URL.
 *
 * <p>Thread-safe: calls may run concurrently from several threads (each call opens its own connection). Every call
 * blocks its thread for up to the reply timeout: never call from a Netty event loop or the core's thread, use a
 * small I/O executor. {@link XmlRpcHardening#install()} must have run before the first client is created.
 */
public final class SupervisordClient {

    /** Connection timeout used by {@link #SupervisordClient(HttpServerSettings)}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Reply timeout used by {@link #SupervisordClient(HttpServerSettings)}; it bounds every call, including a
     * {@code startProcess(…, true)}, which lasts the program's {@code startsecs}.
     */
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(30);

    private final String url;
    private final XmlRpcClient client;

    /** A client with the default timeouts. */
    public SupervisordClient(HttpServerSettings settings) {
        this(settings, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REPLY_TIMEOUT);
    }

    /**
     * A client of the supervisord that serves {@code settings}; a host that means every interface (empty,
     * {@code *}, {@code 0.0.0.0}, {@code ::}) is reached on 127.0.0.1.
     *
     * @throws IllegalStateException if {@link XmlRpcHardening#install()} has not run
     */
    public SupervisordClient(HttpServerSettings settings, Duration connectTimeout, Duration replyTimeout) {
        Objects.requireNonNull(settings, "settings");
        if (!XmlRpcHardening.isInstalled()) {
            throw new IllegalStateException("XML-RPC client created before XmlRpcHardening.install() "
                    + "(expected: installed first thing in main)");
        }
        this.url = urlOf(settings);
        XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
        try {
            config.setServerURL(new URL(url));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("supervisord URL: " + url + " (expected: http://host:port/RPC2)", e);
        }
        config.setEnabledForExtensions(false);
        config.setContentLengthOptional(false);
        config.setEncoding("UTF-8");
        config.setConnectionTimeout(millis(connectTimeout, "connectTimeout"));
        config.setReplyTimeout(millis(replyTimeout, "replyTimeout"));
        settings.username().ifPresent(config::setBasicUserName);
        settings.password().ifPresent(config::setBasicPassword);
        this.client = new XmlRpcClient();
        client.setConfig(config);
        client.setTransportFactory(new LiteTransportFactory(client, config.getConnectionTimeout()));
    }

    /** The XML-RPC endpoint, e.g. {@code http://127.0.0.1:9001/RPC2}. */
    public String url() {
        return url;
    }

    /** {@code supervisor.getState}. */
    public SupervisordState getState() throws SupervisordException {
        String method = "supervisor.getState";
        int code = XmlRpcStruct.of(call(method), url, method).integer("statecode");
        try {
            return SupervisordState.fromCode(code);
        } catch (IllegalArgumentException unknown) {
            throw new SupervisordTransportException(url, method, "unexpected answer: " + unknown.getMessage(), unknown);
        }
    }

    /** {@code supervisor.getIdentification}: the {@code identifier} of {@code [supervisord]}. */
    public String getIdentification() throws SupervisordException {
        String method = "supervisor.getIdentification";
        return XmlRpcStruct.string(call(method), url, method);
    }

    /** {@code supervisor.getAllProcessInfo}. */
    public List<ProcessInfo> getAllProcessInfo() throws SupervisordException {
        String method = "supervisor.getAllProcessInfo";
        List<ProcessInfo> processes = new ArrayList<>();
        for (XmlRpcStruct struct : XmlRpcStruct.array(call(method), url, method)) {
            processes.add(ProcessInfo.read(struct, url, method));
        }
        return processes;
    }

    /** {@code supervisor.getProcessInfo}; a fault {@code BAD_NAME} for an unknown process. */
    public ProcessInfo getProcessInfo(String namespec) throws SupervisordException {
        String method = "supervisor.getProcessInfo";
        return ProcessInfo.read(XmlRpcStruct.of(call(method, namespec), url, method), url, method);
    }

    /** {@code supervisor.getAllConfigInfo}: see {@link ProcessConfigInfo} for what it answers. */
    public List<ProcessConfigInfo> getAllConfigInfo() throws SupervisordException {
        String method = "supervisor.getAllConfigInfo";
        List<ProcessConfigInfo> configs = new ArrayList<>();
        for (XmlRpcStruct struct : XmlRpcStruct.array(call(method), url, method)) {
            configs.add(ProcessConfigInfo.read(struct));
        }
        return configs;
    }

    /**
     * {@code supervisor.startProcess}; with {@code wait}, returns once the process is RUNNING (after
     * {@code startsecs}) and a failed start is a fault ({@code ABNORMAL_TERMINATION}, {@code SPAWN_ERROR}); without,
     * returns once it is STARTING. Faults {@code BAD_NAME}, {@code ALREADY_STARTED}, {@code NO_FILE},
     * {@code NOT_EXECUTABLE}…
     */
    public boolean startProcess(String namespec, boolean wait) throws SupervisordException {
        String method = "supervisor.startProcess";
        return XmlRpcStruct.bool(call(method, namespec, wait), url, method);
    }

    /** {@code supervisor.stopProcess}; fault {@code NOT_RUNNING} if it is not running. */
    public boolean stopProcess(String namespec, boolean wait) throws SupervisordException {
        String method = "supervisor.stopProcess";
        return XmlRpcStruct.bool(call(method, namespec, wait), url, method);
    }

    /** {@code supervisor.signalProcess}, {@code signal} as a name ({@code HUP}) or a number; fault {@code BAD_SIGNAL}. */
    public boolean signalProcess(String namespec, String signal) throws SupervisordException {
        String method = "supervisor.signalProcess";
        return XmlRpcStruct.bool(call(method, namespec, signal), url, method);
    }

    /** {@code supervisor.reloadConfig}: re-reads the files; fault {@code CANT_REREAD} if they do not parse. */
    public ConfigChanges reloadConfig() throws SupervisordException {
        String method = "supervisor.reloadConfig";
        Object answer = call(method);
        if (answer instanceof Object[] && ((Object[]) answer).length == 1 && ((Object[]) answer)[0] instanceof Object[]) {
            Object[] lists = (Object[]) ((Object[]) answer)[0];
            if (lists.length == 3 && Arrays.stream(lists).allMatch(list -> list instanceof Object[])) {
                return new ConfigChanges(names(lists[0]), names(lists[1]), names(lists[2]));
            }
        }
        throw new SupervisordTransportException(url, method, "unexpected answer: " + Texts.excerpt(show(answer))
                + " (expected: [[added, changed, removed]])", null);
    }

    /** {@code supervisor.addProcessGroup}; faults {@code BAD_NAME} (not in the files), {@code ALREADY_ADDED}. */
    public boolean addProcessGroup(String group) throws SupervisordException {
        String method = "supervisor.addProcessGroup";
        return XmlRpcStruct.bool(call(method, group), url, method);
    }

    /** {@code supervisor.removeProcessGroup}; fault {@code STILL_RUNNING} unless every process is stopped. */
    public boolean removeProcessGroup(String group) throws SupervisordException {
        String method = "supervisor.removeProcessGroup";
        return XmlRpcStruct.bool(call(method, group), url, method);
    }

    /** {@code supervisor.restart}: supervisord restarts, the agent with it. */
    public boolean restart() throws SupervisordException {
        String method = "supervisor.restart";
        return XmlRpcStruct.bool(call(method), url, method);
    }

    /** {@code supervisor.shutdown}: supervisord stops, the agent with it. */
    public boolean shutdown() throws SupervisordException {
        String method = "supervisor.shutdown";
        return XmlRpcStruct.bool(call(method), url, method);
    }

    /**
     * Any method, as the library answers: struct as {@code Map<String, Object>}, array as {@code Object[]}, int as
     * {@code Integer}, boolean, string, base64 as {@code byte[]}. For forwarding calls the typed methods lack.
     *
     * <p>Strings sent may not hold characters beyond U+FFFF (emoji…): the library writes each half of their UTF-16
     * pair as a character reference, which is not XML, and supervisord answers 400 Bad Request. Such a call fails
     * before it is sent.
     */
    public Object call(String method, Object... params) throws SupervisordException {
        Objects.requireNonNull(method, "method");
        for (int index = 0; index < params.length; index++) {
            int supplementary = firstSupplementary(params[index]);
            if (supplementary >= 0) {
                throw new SupervisordTransportException(url, method, String.format("parameter %d: holds U+%X, "
                        + "which the XML-RPC client cannot send (expected: characters up to U+FFFF)", index + 1,
                        supplementary), null);
            }
        }
        try {
            return client.execute(method, params);
        } catch (XmlRpcClientException e) {
            throw new SupervisordTransportException(url, method, reason(e), e);
        } catch (XmlRpcException e) {
            if (e.code != 0) {
                String faultString = e.getMessage() == null ? "" : e.getMessage();
                throw new SupervisordFaultException(url, method, arguments(params), e.code, faultString);
            }
            throw new SupervisordTransportException(url, method, reason(e), e);
        } catch (RuntimeException e) {
            throw new SupervisordTransportException(url, method, "XML-RPC client failure: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "SupervisordClient[" + url + "]";
    }

    static String urlOf(HttpServerSettings settings) {
        String host = settings.host() == null ? "" : settings.host().trim();
        if (host.isEmpty() || host.equals("*") || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new URI("http", null, host, settings.port(), "/RPC2", null, null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("inet_http_server port: " + settings.host() + ":" + settings.port()
                    + " (expected: host:port)", e);
        }
    }

    private static String reason(XmlRpcException e) {
        Throwable cause = e.getCause();
        while (cause instanceof XmlRpcException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = String.valueOf(e.getMessage());
        if (cause instanceof InterruptedIOException) {
            return "no answer in time (" + cause + "): " + message;
        }
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            return message + " (" + cause + ")";
        }
        return message;
    }

    /** The first character beyond U+FFFF in a parameter (strings, arrays, struct keys and values), or -1. */
    private static int firstSupplementary(Object value) {
        if (value instanceof String) {
            return ((String) value).codePoints().filter(Character::isSupplementaryCodePoint).findFirst().orElse(-1);
        }
        if (value instanceof Object[]) {
            for (Object element : (Object[]) value) {
                int found = firstSupplementary(element);
                if (found >= 0) {
                    return found;
                }
            }
        }
        if (value instanceof java.util.Map) {
            for (java.util.Map.Entry<?, ?> entry : ((java.util.Map<?, ?>) value).entrySet()) {
                int found = Math.max(firstSupplementary(entry.getKey()), firstSupplementary(entry.getValue()));
                if (found >= 0) {
                    return found;
                }
            }
        }
        if (value instanceof java.util.List) {
            return firstSupplementary(((java.util.List<?>) value).toArray());
        }
        return -1;
    }

    private static String arguments(Object[] params) {
        return Arrays.stream(params).map(SupervisordClient::show).collect(Collectors.joining(", "));
    }

    private static String show(Object value) {
        if (value instanceof String) {
            return "'" + value + "'";
        }
        if (value instanceof Object[]) {
            return Arrays.stream((Object[]) value).map(SupervisordClient::show).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private List<String> names(Object array) throws SupervisordTransportException {
        List<String> names = new ArrayList<>();
        for (Object name : (Object[]) array) {
            names.add(XmlRpcStruct.string(name, url, "supervisor.reloadConfig"));
        }
        return names;
    }

    private static int millis(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": " + duration + " (expected: > 0 and < 24 days)");
        }
        return (int) duration.toMillis();
    }
}
