package org.supvisors.cli.command;

/** Asks the user a question: a confirmation, credentials, the input of {@code fg}. */
public interface Prompter {

    /** A line typed after {@code prompt}, {@code null} at the end of the input. */
    String readLine(String prompt);

    /** A line typed after {@code prompt} without echo, {@code null} at the end of the input. */
    String readPassword(String prompt);

    /** No user: every question meets the end of the input. */
    Prompter NONE = new Prompter() {
        @Override
        public String readLine(String prompt) {
            return null;
        }

        @Override
        public String readPassword(String prompt) {
            return null;
        }
    };
}
