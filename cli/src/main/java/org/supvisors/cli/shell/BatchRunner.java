package org.supvisors.cli.shell;

import java.io.BufferedReader;
import java.io.IOException;

import org.supvisors.cli.Controller;
import org.supvisors.cli.command.ExitStatus;
import org.supvisors.cli.command.Session;

/**
 * Batch mode: one command per line (blank lines and {@code #} comments skipped), each run as at the prompt. The run
 * stops at the first command whose exit status is not 0, and exits with it, naming the line on the standard error;
 * with {@code keepGoing} every line runs and the exit status is that of the first command that failed.
 * {@code quit} or {@code exit} ends the batch.
 */
public final class BatchRunner {

    private BatchRunner() {
    }

    public static int run(Controller controller, BufferedReader in, String source, boolean keepGoing) {
        Session session = controller.session();
        int firstFailure = ExitStatus.SUCCESS;
        int number = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                String command = line.strip();
                if (command.isEmpty() || command.startsWith("#")) {
                    continue;
                }
                session.exitStatus(ExitStatus.SUCCESS);
                boolean quit = controller.execute(command);
                int status = session.exitStatus();
                if (status != ExitStatus.SUCCESS) {
                    if (firstFailure == ExitStatus.SUCCESS) {
                        firstFailure = status;
                    }
                    if (!keepGoing) {
                        session.err().println("supvisorsctl: " + source + ":" + number + ": " + command
                                + ": exit status " + status + ", stopping (--keep-going to go on)");
                        session.err().flush();
                        return status;
                    }
                }
                if (quit) {
                    break;
                }
            }
        } catch (IOException e) {
            session.err().println("supvisorsctl: " + source + ": cannot read line " + (number + 1) + ": "
                    + e.getMessage());
            session.err().flush();
            return ExitStatus.GENERIC;
        }
        return firstFailure;
    }
}
