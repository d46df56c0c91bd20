package org.supvisors.cli;

import java.util.ArrayList;
import java.util.List;

import org.supvisors.cli.command.Abort;
import org.supvisors.cli.command.CliCommand;
import org.supvisors.cli.command.ExitStatus;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.output.Columns;
import org.supvisors.cli.supervisor.SupervisorCommands;
import org.supvisors.cli.supvisors.SupvisorsCommands;
import org.supvisors.client.CommunicationException;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;

/**
 * Runs one line as supervisorctl's {@code Controller.onecmd} does: the command is the leading word of letters,
 * digits and underscores, its arguments the rest split on white space; {@code ?} stands for {@code help}. Every
 * failure becomes a message and an exit status, never a stack trace; a line never ends the session unless it is
 * {@code quit}, {@code exit} or {@code EOF}.
 */
public final class Controller {

    private final Session session;
    private final boolean json;

    /**
     * @param json whether every command that can answers in JSON ({@code --json} before the command); a command
     *             also does when {@code --json} is among its words
     */
    public Controller(Session session, boolean json) {
        this.session = session;
        this.json = json;
    }

    public Session session() {
        return session;
    }

    /**
     * The command of that name, {@code null} if none ({@code help}, {@code quit} and {@code exit} are not commands).
     */
    public static CliCommand command(String name) {
        CliCommand command = SupervisorCommands.create(name);
        return command != null ? command : SupvisorsCommands.create(name);
    }

    /** Every name the prompt knows, sorted. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(SupervisorCommands.NAMES);
        names.addAll(SupvisorsCommands.NAMES);
        names.add("help");
        names.sort(null);
        return names;
    }

    /**
     * Runs one line.
     *
     * @return true when the line ends the session ({@code quit}, {@code exit}, {@code EOF})
     */
    public boolean execute(String input) {
        String line = input.strip();
        if (line.isEmpty()) {
            return false;
        }
        if (line.charAt(0) == '?') {
            line = "help " + line.substring(1);
        }
        int i = 0;
        while (i < line.length() && isIdentChar(line.charAt(i))) {
            i++;
        }
        String name = line.substring(0, i);
        String arg = line.substring(i).strip();
        if (name.isEmpty()) {
            unknown(line);
            return false;
        }
        switch (name) {
            case "help" -> {
                help(arg);
                return false;
            }
            case "quit", "exit", "EOF" -> {
                session.output("");
                return true;
            }
            default -> {
                CliCommand command = command(name);
                if (command == null) {
                    unknown(line);
                    return false;
                }
                run(command, line, split(arg));
                return false;
            }
        }
    }

    private void run(CliCommand command, String line, List<String> words) {
        List<String> args = words;
        boolean asJson = json && command.hasJson();
        if (command.hasJson() && args.contains("--json")) {
            args = new ArrayList<>(words);
            args.removeIf("--json"::equals);
            asJson = true;
        }
        session.json(asJson);
        try {
            command.run(session, args);
        } catch (Abort abort) {
            if (!abort.getMessage().isEmpty()) {
                session.problem(abort.getMessage());
            }
            session.exitStatus(abort.status());
        } catch (XmlRpcFault fault) {
            session.problem("ERROR (" + fault.faultString() + ")");
            session.exitStatus(ExitStatus.GENERIC);
        } catch (CommunicationException e) {
            if (e.reason() == CommunicationException.Reason.UNAUTHORIZED) {
                session.problem("Server requires authentication");
                if (session.interactive() && askCredentials()) {
                    execute(line);
                    return;
                }
                session.exitStatus(ExitStatus.GENERIC);
            } else {
                session.problem("error: " + e.getMessage());
                session.exitStatus(ExitStatus.GENERIC);
            }
        } catch (SupvisorsClientException e) {
            session.problem("error: " + e.getMessage());
            session.exitStatus(ExitStatus.GENERIC);
        } catch (RuntimeException e) {
            // a defect of this program: said in one line, as supervisorctl says any exception
            session.problem("error: " + e.getClass().getName() + ": " + e.getMessage());
            session.exitStatus(ExitStatus.GENERIC);
        } finally {
            session.json(false);
        }
    }

    /** supervisorctl, interactive, after a 401: asks the user name and password, then runs the line again. */
    private boolean askCredentials() {
        String username = session.prompter().readLine("Username:");
        if (username == null) {
            return false;
        }
        String password = session.prompter().readPassword("Password:");
        if (password == null) {
            return false;
        }
        session.output("");
        session.connection().credentials(username, password);
        return true;
    }

    private void unknown(String line) {
        session.problem("*** Unknown syntax: " + line);
        session.exitStatus(ExitStatus.GENERIC);
    }

    private void help(String topic) {
        if (topic.equals("help")) {
            session.output("help\t\tPrint a list of available actions");
            session.output("help <action>\tPrint help for <action>");
            return;
        }
        if (topic.isEmpty()) {
            topics("default commands (type help <topic>):", SupervisorCommands.NAMES);
            topics("supvisors commands (type help <topic>):", SupvisorsCommands.NAMES);
            return;
        }
        if (topic.equals("quit") || topic.equals("exit")) {
            session.output(topic + "\tExit the supervisor shell.");
            return;
        }
        if (topic.equals("EOF")) {
            session.output("To quit, type ^D or use the quit command");
            return;
        }
        CliCommand command = command(topic);
        if (command == null) {
            session.output("*** No help on " + topic);
            return;
        }
        session.output(command.help());
    }

    /** cmd.Cmd's {@code print_topics}, preceded by the empty line of supervisorctl's plugins. */
    private void topics(String header, List<String> names) {
        session.output("");
        session.output(header);
        session.output("=".repeat(header.length()));
        session.output(Columns.columnize(names, 79));
        session.output("");
    }

    private static boolean isIdentChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** Python's {@code str.split()}: words separated by runs of white space. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(text.substring(start, i));
            }
        }
        return words;
    }
}
