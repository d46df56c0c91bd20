package org.supvisors.transport.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the agent needs from supervisord's command line ({@code /proc/<ppid>/cmdline}): the program path (for the
 * default search list), {@code -c/--configuration} and {@code -i/--identifier}. Arguments are read with Python's
 * {@code getopt} rules, which supervisord uses: short options may be grouped ({@code -nc FILE}) and take their value
 * attached or as the next argument; long options may be abbreviated to a unique prefix and take their value after
 * {@code =} or as the next argument; parsing stops at {@code --} or at the first argument that is not an option.
 */
final class SupervisordCommandLine {

    /** supervisord's short options; a colon follows those that take a value. */
    private static final String SHORT_OPTIONS = "h?c:vnu:m:d:l:y:z:e:j:i:q:a:kts";
    /** supervisord's long options; {@code =} ends those that take a value. */
    private static final List<String> LONG_OPTIONS = List.of("help", "configuration=", "version", "nodaemon",
            "user=", "umask=", "directory=", "logfile=", "logfile_maxbytes=", "logfile_backups=", "loglevel=",
            "pidfile=", "identifier=", "childlogdir=", "minfds=", "minprocs=", "nocleanup", "strip_ansi",
            "profile_options=", "silent");

    private final String program;
    private final Optional<String> configuration;
    private final Optional<String> identifier;

    private SupervisordCommandLine(String program, Optional<String> configuration, Optional<String> identifier) {
        this.program = program;
        this.configuration = configuration;
        this.identifier = identifier;
    }

    /**
     * Reads a process's arguments, or empty when it is not supervisord: the program is the first argument when its
     * file name starts with {@code supervisord}, or, after a {@code python} interpreter and its options, the script
     * {@code .../supervisord} or the module {@code -m supervisor.supervisord}.
     */
    static Optional<SupervisordCommandLine> parse(List<String> arguments) {
        if (arguments.isEmpty()) {
            return Optional.empty();
        }
        if (isSupervisord(arguments.get(0))) {
            return Optional.of(parseOptions(arguments.get(0), arguments.subList(1, arguments.size())));
        }
        Path interpreter = Path.of(arguments.get(0)).getFileName();
        if (interpreter == null || !interpreter.toString().startsWith("python")) {
            return Optional.empty();
        }
        for (int index = 1; index < arguments.size(); index++) {
            String argument = arguments.get(index);
            if (argument.equals("-m")) {
                index++;
                if (index < arguments.size() && arguments.get(index).equals("supervisor.supervisord")) {
                    return Optional.of(parseOptions(arguments.get(index), arguments.subList(index + 1,
                            arguments.size())));
                }
                return Optional.empty();
            }
            if (!argument.startsWith("-")) {
                return isSupervisord(argument)
                        ? Optional.of(parseOptions(argument, arguments.subList(index + 1, arguments.size())))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean isSupervisord(String argument) {
        if (argument.isEmpty() || argument.startsWith("-")) {
            return false;
        }
        Path name = Path.of(argument).getFileName();
        return name != null && name.toString().startsWith("supervisord");
    }

    private static SupervisordCommandLine parseOptions(String program, List<String> arguments) {
        String configuration = null;
        String identifier = null;
        int index = 0;
        while (index < arguments.size()) {
            String argument = arguments.get(index++);
            if (argument.equals("--")) {
                break;
            }
            if (argument.startsWith("--")) {
                String text = argument.substring(2);
                int equals = text.indexOf('=');
                String name = equals < 0 ? text : text.substring(0, equals);
                String option = longOption(name);
                if (option == null) {
                    break;
                }
                String value = null;
                if (option.endsWith("=")) {
                    if (equals >= 0) {
                        value = text.substring(equals + 1);
                    } else if (index < arguments.size()) {
                        value = arguments.get(index++);
                    } else {
                        break;
                    }
                }
                if (option.equals("configuration=")) {
                    configuration = value;
                } else if (option.equals("identifier=")) {
                    identifier = value;
                }
            } else if (argument.startsWith("-") && argument.length() > 1) {
                int position = 1;
                while (position < argument.length()) {
                    char letter = argument.charAt(position++);
                    int spec = SHORT_OPTIONS.indexOf(letter);
                    if (spec < 0 || letter == ':') {
                        return new SupervisordCommandLine(program, Optional.ofNullable(configuration),
                                Optional.ofNullable(identifier));
                    }
                    boolean takesValue = spec + 1 < SHORT_OPTIONS.length() && SHORT_OPTIONS.charAt(spec + 1) == ':';
                    if (!takesValue) {
                        continue;
                    }
                    String value;
                    if (position < argument.length()) {
                        value = argument.substring(position);
                    } else if (index < arguments.size()) {
                        value = arguments.get(index++);
                    } else {
                        value = null;
                    }
                    if (letter == 'c') {
                        configuration = value;
                    } else if (letter == 'i') {
                        identifier = value;
                    }
                    break;
                }
            } else {
                break;
            }
        }
        return new SupervisordCommandLine(program, Optional.ofNullable(configuration),
                Optional.ofNullable(identifier));
    }

    /** The long option that {@code name} designates, exactly or by a unique prefix, else {@code null}. */
    private static String longOption(String name) {
        List<String> candidates = new ArrayList<>();
        for (String option : LONG_OPTIONS) {
            if (option.startsWith(name)) {
                candidates.add(option);
            }
        }
        if (candidates.contains(name)) {
            return name;
        }
        if (candidates.contains(name + "=")) {
            return name + "=";
        }
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    /** The program path as written (argv[0] of supervisord, possibly relative to its working directory). */
    String program() {
        return program;
    }

    /** The value of {@code -c/--configuration}, when given. */
    Optional<String> configuration() {
        return configuration;
    }

    /** The value of {@code -i/--identifier}, when given. */
    Optional<String> identifier() {
        return identifier;
    }
}
