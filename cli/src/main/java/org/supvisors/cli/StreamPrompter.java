package org.supvisors.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;

import org.supvisors.cli.command.Prompter;

/** Questions asked on the standard streams (outside the interactive prompt, e.g. {@code -i shutdown}). */
final class StreamPrompter implements Prompter {

    private final BufferedReader in;
    private final PrintWriter out;

    StreamPrompter(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public String readLine(String prompt) {
        out.print(prompt);
        out.flush();
        try {
            return in.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String readPassword(String prompt) {
        Console console = System.console();
        if (console != null) {
            char[] password = console.readPassword("%s", prompt);
            return password == null ? null : new String(password);
        }
        return readLine(prompt);
    }
}
