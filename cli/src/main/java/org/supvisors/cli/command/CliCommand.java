package org.supvisors.cli.command;

import java.util.List;

import org.supvisors.client.SupvisorsClientException;

/**
 * A command of the prompt: a name, its help lines, and what it does with the words that follow it on the line (split
 * on white space, as supervisorctl splits them).
 *
 * <p>Contract: {@link #run} writes through the {@link Session}, sets the exit status there, and returns; a fault or a
 * communication failure it does not handle itself propagates to the {@link Controller}, which reports it. It never
 * writes to {@code System.out}.
 */
public interface CliCommand {

    String name();

    /** The lines of {@code help <name>}, tabs included, as the original prints them. */
    List<String> help();

    /** Whether the command takes {@code --json} (the raw structures instead of the text). */
    default boolean hasJson() {
        return false;
    }

    /** What tab completion offers for the argument at {@code index} (0 = the first after the command name). */
    default Completion completion(int index, List<String> previous) {
        return Completion.NONE;
    }

    void run(Session session, List<String> args) throws SupvisorsClientException;
}
