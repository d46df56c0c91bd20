package org.supvisors.cli.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.supvisors.cli.Controller;
import org.supvisors.cli.command.Connection;
import org.supvisors.cli.command.Prompter;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.config.ClientSettings;

/**
 * The interactive prompt, on JLine: line editing, history (in memory, and in the history file when one is set:
 * {@code -r FILE} or {@code history_file}), tab completion of commands and names. As supervisorctl's, it starts with
 * {@code status}, runs each line through the {@link Controller} (a bad line costs one message), ends with
 * {@code quit}, {@code exit}, Ctrl-D or Ctrl-C, and its exit status is 0.
 */
public final class InteractiveShell {

    private InteractiveShell() {
    }

    public static void run(Connection connection, ClientSettings settings, boolean json, PrintWriter out,
                           PrintWriter err) {
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().system(true).build();
        } catch (IOException e) {
            err.println("Error: cannot open the terminal: " + e.getMessage());
            return;
        }
        try (terminal) {
            PrintWriter writer = terminal.writer();
            Session session = new Session(writer, writer, connection, true);
            Candidates candidates = new Candidates(session);
            DefaultParser parser = new DefaultParser();
            parser.setEscapeChars(new char[0]);
            parser.setQuoteChars(new char[0]);
            LineReaderBuilder builder = LineReaderBuilder.builder().appName("supvisorsctl").terminal(terminal)
                    .parser(parser).completer(new NameCompleter(candidates))
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.AUTO_FRESH_LINE, true);
            if (settings.historyFile() != null) {
                builder.variable(LineReader.HISTORY_FILE, settings.historyFile());
            }
            LineReader reader = builder.build();
            session.prompter(new ReaderPrompter(reader));
            Controller controller = new Controller(session, json);
            controller.execute("status");
            String prompt = settings.prompt() + "> ";
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt);
                } catch (UserInterruptException | EndOfFileException e) {
                    session.output("");
                    break;
                }
                candidates.reset();
                if (controller.execute(line)) {
                    break;
                }
            }
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                err.println("Warning: cannot save the history in " + settings.historyFile() + ": " + e.getMessage());
            }
        } catch (IOException e) {
            err.println("Error: closing the terminal: " + e.getMessage());
        }
    }

    /** Completes the word under the cursor from the words before it. */
    private static final class NameCompleter implements Completer {
        private final Candidates candidates;

        NameCompleter(Candidates candidates) {
            this.candidates = candidates;
        }

        @Override
        public void complete(LineReader reader, ParsedLine line, List<Candidate> found) {
            List<String> words = line.words();
            int index = Math.min(line.wordIndex(), words.size());
            List<String> before = new ArrayList<>(words.subList(0, index));
            before.removeIf(String::isEmpty);
            String current = line.word() == null ? "" : line.word().substring(0, line.wordCursor());
            for (String word : candidates.complete(before, current)) {
                found.add(new Candidate(word, word, null, null, null, null, true));
            }
        }
    }

    /** Questions asked through the line reader (confirmations, credentials, the input of {@code fg}). */
    private static final class ReaderPrompter implements Prompter {
        private final LineReader reader;

        ReaderPrompter(LineReader reader) {
            this.reader = reader;
        }

        @Override
        public String readLine(String prompt) {
            try {
                return reader.readLine(prompt);
            } catch (UserInterruptException | EndOfFileException e) {
                return null;
            }
        }

        @Override
        public String readPassword(String prompt) {
            try {
                return reader.readLine(prompt, '\0');
            } catch (UserInterruptException | EndOfFileException e) {
                return null;
            }
        }
    }
}
