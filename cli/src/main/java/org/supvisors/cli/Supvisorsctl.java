package org.supvisors.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.supvisors.cli.command.Connection;
import org.supvisors.cli.command.ExitStatus;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.config.ClientConfiguration;
import org.supvisors.cli.config.ClientSettings;
import org.supvisors.cli.config.ConfigurationException;
import org.supvisors.cli.shell.BatchRunner;
import org.supvisors.cli.shell.CompletionScript;

import picocli.CommandLine;

/**
 * {@code supvisorsctl}: supervisorctl with the Supvisors commands, talking to the agent of a supervisord. One-shot
 * (a command: its exit status), batch (commands from a file or a pipe), or interactive (JLine prompt; exit status 0).
 *
 * <p>The composition root: options, settings, connection, session, controller; the interactive shell's classes
 * (JLine) are loaded only when the prompt starts, so that a one-shot command starts fast.
 */
public final class Supvisorsctl {

    private Supvisorsctl() {
    }

    public static void main(String[] args) {
        String home = System.getProperty("supvisors.home");
        int status = run(args, System.in, System.out, System.err, System.getenv(),
                home == null ? null : Path.of(home), System.console() != null);
        System.exit(status);
    }

    /**
     * Runs {@code supvisorsctl} with these arguments and streams.
     *
     * @param terminal whether the standard input and output are a terminal (the prompt starts without a command)
     * @return the exit status
     */
    public static int run(String[] args, InputStream in, OutputStream stdout, OutputStream stderr,
                          Map<String, String> environment, Path home, boolean terminal) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        try {
            return run(args, in, out, err, environment, home, terminal);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err,
                           Map<String, String> environment, Path home, boolean terminal) {
        CliOptions options = new CliOptions();
        CommandLine commandLine = new CommandLine(options).setStopAtPositional(true)
                .setUnmatchedOptionsArePositionalParams(false);
        commandLine.getCommandSpec().version("supvisorsctl 0.19 (Supvisors for the JVM)");
        try {
            commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("Error: " + e.getMessage());
            err.println("For help, use supvisorsctl -h");
            return ExitStatus.INVALID_ARGS;
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(out);
            return ExitStatus.SUCCESS;
        }
        if (commandLine.isVersionHelpRequested()) {
            commandLine.printVersionHelp(out);
            return ExitStatus.SUCCESS;
        }
        if (!options.command.isEmpty() && options.command.get(0).equals("completion")) {
            return CompletionScript.print(options.command, out, err);
        }
        if (options.serverUrl != null && !validUrl(options.serverUrl)) {
            err.println("Error: value " + options.serverUrl + " is not a URL (expected: http://host:port)");
            err.println("For help, use supvisorsctl -h");
            return ExitStatus.INVALID_ARGS;
        }
        ClientSettings settings;
        try {
            settings = ClientConfiguration.resolve(options.configuration, options.serverUrl, options.username,
                    options.password, options.historyFile, ClientConfiguration.searchPaths(home), environment);
        } catch (ConfigurationException e) {
            err.println("Error: " + e.getMessage());
            err.println("For help, use supvisorsctl -h");
            return ExitStatus.INVALID_ARGS;
        }
        try (Connection connection = new Connection(settings.serverUrl(), settings.username(), settings.password(),
                settings.agentPortOffset())) {
            if (!options.command.isEmpty() && options.command.get(0).equals("_complete")) {
                Session session = new Session(out, err, connection, false);
                return CompletionScript.candidates(session, options.command.subList(1, options.command.size()), out);
            }
            if (options.batch != null) {
                return batch(options, connection, in, out, err);
            }
            if (!options.command.isEmpty()) {
                Session session = new Session(out, err, connection, options.interactive);
                session.prompter(new StreamPrompter(reader(in), out));
                new Controller(session, options.json).execute(String.join(" ", options.command));
                return session.exitStatus();
            }
            if (options.interactive || terminal) {
                org.supvisors.cli.shell.InteractiveShell.run(connection, settings, options.json, out, err);
                return ExitStatus.SUCCESS;
            }
            Session session = new Session(out, err, connection, false);
            return BatchRunner.run(new Controller(session, options.json), reader(in), "<stdin>", options.keepGoing);
        }
    }

    private static int batch(CliOptions options, Connection connection, InputStream in, PrintWriter out,
                             PrintWriter err) {
        Session session = new Session(out, err, connection, false);
        Controller controller = new Controller(session, options.json);
        if (options.batch.equals("-")) {
            return BatchRunner.run(controller, reader(in), "<stdin>", options.keepGoing);
        }
        try (BufferedReader file = Files.newBufferedReader(Path.of(options.batch), StandardCharsets.UTF_8)) {
            return BatchRunner.run(controller, file, options.batch, options.keepGoing);
        } catch (IOException e) {
            err.println("Error: could not read batch file " + options.batch + ": " + e.getMessage());
            return ExitStatus.INVALID_ARGS;
        }
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static boolean validUrl(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("unix://"))
                && url.length() > lower.indexOf("://") + 3;
    }
}
