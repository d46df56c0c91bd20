package org.supvisors.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of {@code supvisorsctl}: supervisorctl's, then those of this version. */
@Command(name = "supvisorsctl", sortOptions = false, usageHelpWidth = 100,
        description = {"Control Supvisors, and supervisord through the agent of a supervisord (supvisorsd).",
            "Without a command (or with -i), starts the interactive prompt; with commands on its standard input"
                    + " (not a terminal) or -b, runs them one per line.",
            "Type 'help' at the prompt, or run 'supvisorsctl help', for the commands."},
        footer = {"", "Exit status: the command's (0 success, 1 error, 2 bad arguments, 3 unimplemented, 4 refused"
                + " connection, 5 version mismatch, 7 not running; status: 3 some process stopped, 4 unknown)."})
final class CliOptions {

    @Option(names = {"-c", "--configuration"}, paramLabel = "FILE",
            description = "configuration file: [supervisorctl] and, for the agent port, [supvisors] (searched in"
                    + " supervisorctl's paths if not given)")
    Path configuration;

    @Option(names = {"-s", "--serverurl"}, paramLabel = "URL",
            description = "URL of the agent (default: serverurl of the file with the agent port, else"
                    + " http://localhost:9003)")
    String serverUrl;

    @Option(names = {"-u", "--username"}, paramLabel = "USERNAME", description = "user name for authentication")
    String username;

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD", description = "password for authentication")
    String password;

    @Option(names = {"-i", "--interactive"}, description = "start the interactive prompt (or, with a command, ask"
            + " confirmations and credentials)")
    boolean interactive;

    @Option(names = {"-r", "--history-file"}, paramLabel = "FILE", description = "keep the history of the prompt in"
            + " FILE")
    Path historyFile;

    @Option(names = "--json", description = "status commands print the raw structures in JSON")
    boolean json;

    @Option(names = {"-b", "--batch"}, paramLabel = "FILE", description = "run the commands of FILE ('-': the"
            + " standard input), one per line; stop at the first that fails")
    String batch;

    @Option(names = {"-k", "--keep-going"}, description = "in batch mode, go on after a command that fails")
    boolean keepGoing;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    boolean help;

    @Option(names = "--version", versionHelp = true, description = "print the version and exit")
    boolean version;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "a command and its arguments ('completion"
            + " bash|zsh' prints a completion script)")
    List<String> command = new ArrayList<>();
}
