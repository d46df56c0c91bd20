package org.supvisors.dist.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A golden transcript: commands and the output expected of each, in a file under
 * {@code src/test/resources/org/supvisors/dist/cli}. An entry reads:
 *
 * <pre>
 * # comments
 * $ sstatus web:*   [until] [on B] [mask Start Now PID] [digits]
 * the standard output, line by line (a line ending with a space ends with ¶ so that its width shows)
 * 2&gt; the standard error, line by line
 * [exit 0]
 * </pre>
 *
 * <p>Options: {@code [on B]} runs the command against the agent of B (A's otherwise); {@code [until]} runs it again
 * until its output is the expected one (for a state that another instance reports a moment later), within a
 * deadline; {@code [mask T...]} replaces the cells of the columns titled {@code T} with {@code ~} (times, pids,
 * counters: the widths stay checked); {@code [digits]} replaces every number with {@code N}. Port numbers of the
 * cluster are always replaced by names ({@link CliCluster#normalize}), as are uptimes.
 *
 * <p>{@code -Dgolden.update=true} writes what the commands printed into the source file (then fails the comparison):
 * read the diff against cli.md before committing it. The output of an {@code [until]} entry is the state awaited:
 * write it by hand.
 */
final class Transcript {

    static final Path SOURCES = Paths.get("src", "test", "resources", "org", "supvisors", "dist", "cli");
    private static final Pattern OPTION = Pattern.compile("\\s*\\[(until|on|mask|digits)([^\\]]*)]\\s*$");
    private static final Pattern EXIT = Pattern.compile("\\[exit (\\d+)]");
    private static final String PILCROW = "¶";

    /** One command and what it printed. */
    record Entry(List<String> comments, String line, String command, String on, boolean until, List<String> masks,
                 boolean digits, String expected) {

        /** The entry with another output, as the file shows it. */
        String render(String output) {
            StringBuilder text = new StringBuilder();
            comments.forEach(comment -> text.append(comment).append('\n'));
            return text.append(line).append('\n').append(output).toString();
        }
    }

    /** What a run of a command printed, and its exit status. */
    record Output(String out, String err, int status) {
    }

    private final String name;
    private final List<Entry> entries;
    private final List<String> trailer;

    private Transcript(String name, List<Entry> entries, List<String> trailer) {
        this.name = name;
        this.entries = entries;
        this.trailer = trailer;
    }

    static Transcript load(String name) {
        String resource = "/org/supvisors/dist/cli/" + name;
        try (var in = Transcript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no transcript " + resource);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Transcript parse(String name, String text) {
        List<Entry> entries = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i++];
            if (!line.startsWith("$ ")) {
                comments.add(line);
                continue;
            }
            StringBuilder expected = new StringBuilder();
            while (i < lines.length) {
                String output = lines[i++];
                expected.append(output).append('\n');
                if (EXIT.matcher(output).matches()) {
                    break;
                }
            }
            entries.add(entry(new ArrayList<>(comments), line, expected.toString()));
            comments.clear();
        }
        while (!comments.isEmpty() && comments.get(comments.size() - 1).isEmpty()) {
            comments.remove(comments.size() - 1);
        }
        return new Transcript(name, entries, comments);
    }

    private static Entry entry(List<String> comments, String line, String expected) {
        String command = line.substring(2);
        String on = "A";
        boolean until = false;
        boolean digits = false;
        List<String> masks = new ArrayList<>();
        for (Matcher m = OPTION.matcher(command); m.find(); m = OPTION.matcher(command)) {
            String argument = m.group(2).strip();
            switch (m.group(1)) {
                case "until" -> until = true;
                case "digits" -> digits = true;
                case "on" -> on = argument;
                default -> masks.addAll(List.of(argument.split("\\s+")));
            }
            command = command.substring(0, m.start());
        }
        return new Entry(comments, line, command.strip(), on, until, masks, digits, expected);
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * Runs every entry with {@code runner} and returns the whole transcript as the commands printed it; with
     * {@code -Dgolden.update=true}, also writes it into the source file.
     */
    String play(Function<Entry, String> runner) {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            text.append(entry.render(runner.apply(entry)));
        }
        trailer.forEach(line -> text.append(line).append('\n'));
        String actual = text.toString();
        if (Boolean.getBoolean("golden.update")) {
            try {
                Files.writeString(SOURCES.resolve(name), actual);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return actual;
    }

    /** The expected transcript, as the file holds it. */
    String expected() {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            text.append(entry.render(entry.expected));
        }
        trailer.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** An output as a transcript shows it, after the entry's masks and {@code normalize}. */
    static String render(Entry entry, Output output, Function<String, String> normalize) {
        StringBuilder text = new StringBuilder();
        for (String line : lines(normalize.apply(mask(output.out, entry.masks, entry.digits)))) {
            text.append(line).append(line.endsWith(" ") ? PILCROW : "").append('\n');
        }
        for (String line : lines(normalize.apply(mask(output.err, List.of(), entry.digits)))) {
            text.append("2> ").append(line).append('\n');
        }
        return text.append("[exit ").append(output.status).append("]\n").toString();
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\n", -1));
    }

    /**
     * Replaces the cells of the masked columns with {@code ~}, the width kept: the columns are found in the first
     * line that holds every masked title, and apply to the lines that follow it up to an empty line.
     */
    static String mask(String text, List<String> titles, boolean digits) {
        String result = text;
        if (!titles.isEmpty()) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            int[][] columns = null;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isEmpty()) {
                    columns = null;
                } else if (columns == null) {
                    columns = columns(line, titles);
                } else {
                    lines.set(i, maskLine(line, columns));
                }
            }
            result = String.join("\n", lines);
        }
        return digits ? result.replaceAll("\\d+", "N") : result;
    }

    /** {start, end} of each masked column of a title line (end -1: to the end of the line), or null if it is none. */
    private static int[][] columns(String header, List<String> titles) {
        List<int[]> starts = new ArrayList<>();
        Matcher title = Pattern.compile("\\S+(?: \\S+)*").matcher(header);
        while (title.find()) {
            starts.add(new int[] {title.start(), title.end()});
        }
        int[][] columns = new int[titles.size()][];
        for (int t = 0; t < titles.size(); t++) {
            for (int s = 0; s < starts.size(); s++) {
                if (header.substring(starts.get(s)[0], starts.get(s)[1]).equals(titles.get(t))) {
                    columns[t] = new int[] {starts.get(s)[0], s + 1 < starts.size() ? starts.get(s + 1)[0] : -1};
                }
            }
            if (columns[t] == null) {
                return null;
            }
        }
        return columns;
    }

    private static String maskLine(String line, int[][] columns) {
        char[] chars = line.toCharArray();
        for (int[] column : columns) {
            int end = column[1] < 0 ? chars.length : Math.min(column[1], chars.length);
            for (int i = column[0]; i < end; i++) {
                chars[i] = i == column[0] ? '~' : ' ';
            }
        }
        String masked = new String(chars);
        for (int[] column : columns) {
            if (column[1] < 0 && column[0] < masked.length()) {
                masked = masked.substring(0, column[0] + 1);
            }
        }
        return masked;
    }
}
