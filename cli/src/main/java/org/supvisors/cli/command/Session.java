package org.supvisors.cli.command;

import java.io.PrintWriter;
import java.util.List;

import org.supvisors.cli.output.Json;
import org.supvisors.client.SupvisorsClient;

/**
 * What a command works with: the writers, the connection, the exit status (sticky, as supervisorctl's: any failure
 * sets it, nothing resets it but the batch runner between lines), the mode (one-shot or interactive) and whether
 * the command answers in JSON.
 *
 * <p>Everything goes to the standard output, as supervisorctl writes it, except in JSON mode where the messages
 * that are not the JSON document go to the standard error, so that the output stays parseable.
 */
public final class Session {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Connection connection;
    private final boolean interactive;
    private Prompter prompter = Prompter.NONE;
    private int exitStatus;
    private boolean json;

    public Session(PrintWriter out, PrintWriter err, Connection connection, boolean interactive) {
        this.out = out;
        this.err = err;
        this.connection = connection;
        this.interactive = interactive;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Connection connection() {
        return connection;
    }

    public SupvisorsClient client() {
        return connection.client();
    }

    /** Whether questions may be asked (confirmations of {@code shutdown} and {@code reload}, credentials). */
    public boolean interactive() {
        return interactive;
    }

    public Prompter prompter() {
        return prompter;
    }

    public void prompter(Prompter prompter) {
        this.prompter = prompter;
    }

    public int exitStatus() {
        return exitStatus;
    }

    public void exitStatus(int status) {
        this.exitStatus = status;
    }

    public boolean json() {
        return json;
    }

    public void json(boolean json) {
        this.json = json;
    }

    /** A line of the command's output. */
    public void output(String line) {
        out.println(line);
        out.flush();
    }

    /** A message about a problem: with the output, or on the standard error in JSON mode. */
    public void problem(String line) {
        PrintWriter writer = json ? err : out;
        writer.println(line);
        writer.flush();
    }

    /** The JSON document of a command: the raw structures as received. */
    public void outputJson(Object value) {
        output(Json.write(value));
    }

    /** Prints the help of {@code command}, with the problems in JSON mode. */
    public void help(CliCommand command) {
        for (String line : command.help()) {
            problem(line);
        }
    }

    /** An argument error: the message, the command's help, exit status 2. */
    public void argumentError(CliCommand command, String message) {
        problem(message);
        help(command);
        exitStatus(ExitStatus.INVALID_ARGS);
    }

    /** A fault on a global call ({@code ERROR (<faultString>)}), exit status 1. */
    public void globalFault(org.supvisors.client.XmlRpcFault fault) {
        problem("ERROR (" + fault.faultString() + ")");
        exitStatus(ExitStatus.GENERIC);
    }

    /** A fault on a per-item call ({@code <item>: ERROR (<faultString>)}), exit status 1. */
    public void itemFault(String item, org.supvisors.client.XmlRpcFault fault) {
        problem(item + ": ERROR (" + fault.faultString() + ")");
        exitStatus(ExitStatus.GENERIC);
    }

    /** Prints lines of output. */
    public void output(List<String> lines) {
        for (String line : lines) {
            out.println(line);
        }
        out.flush();
    }
}
