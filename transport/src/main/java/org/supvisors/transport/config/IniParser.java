package org.supvisors.transport.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one INI file into an {@link IniDocument} with the rules of Python's {@code RawConfigParser} as
 * Supervisor 4.2.5 configures it ({@code inline_comment_prefixes=(';', '#')}, {@code strict=False}):
 * <ul>
 *   <li>{@code key = value} or {@code key: value}, split at the first {@code =} or {@code :}; keys are lower-cased
 *       and section names are case-sensitive;</li>
 *   <li>a line whose first non-blank character is {@code ;} or {@code #} is a comment; elsewhere {@code ;} and
 *       {@code #} start a comment only at the start of the line or after a white space (so {@code a#b} is a
 *       value);</li>
 *   <li>a line indented deeper than its key continues the value (joined with {@code \n}); blank lines inside a
 *       value are kept, trailing ones are dropped;</li>
 *   <li>a section seen again (in the same or another file) is merged; a key seen again keeps its last value;</li>
 *   <li>text before any section header, or a line that is neither a header nor an option, is an error for the
 *       whole file (as for supervisord, which does not start).</li>
 * </ul>
 */
final class IniParser {

    private static final Pattern SECTION = Pattern.compile("\\[(?<header>.+)]");
    private static final Pattern OPTION = Pattern.compile("(?<option>.*?)\\s*(?:=|:)\\s*(?<value>.*)",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final String[] COMMENT_PREFIXES = {"#", ";"};
    private static final String[] INLINE_COMMENT_PREFIXES = {";", "#"};

    private final Path file;
    private final IniDocument document;
    private final Set<String> sectionsSeen = new LinkedHashSet<>();
    private final List<String> badLines = new ArrayList<>();
    private IniSection section;
    private String key;
    private int keyLine;
    private int indentLevel;
    private final List<String> pending = new ArrayList<>();

    private IniParser(Path file, IniDocument document) {
        this.file = file;
        this.document = document;
    }

    /**
     * Reads {@code file} into {@code document}.
     *
     * @param file an absolute path
     * @return the names of the section headers found in this file
     * @throws IOException when the file cannot be read (the caller decides whether that is fatal)
     * @throws ConfigurationException when the file is not valid UTF-8 or has lines that are not INI syntax
     */
    static Set<String> read(Path file, IniDocument document) throws IOException, ConfigurationException {
        IniParser parser = new IniParser(file, document);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                parser.line(++lineNumber, line);
            }
        } catch (CharacterCodingException e) {
            throw new ConfigurationException(file + ": not a UTF-8 text file (" + e.getMessage() + ")", e);
        }
        parser.flush();
        document.addFile(file);
        if (!parser.badLines.isEmpty()) {
            String others = parser.badLines.size() > 1 ? " (and " + (parser.badLines.size() - 1) + " other lines)"
                    : "";
            throw new ConfigurationException(parser.badLines.get(0) + others);
        }
        return parser.sectionsSeen;
    }

    private void line(int number, String line) throws ConfigurationException {
        int commentStart = commentStart(line);
        String value = PythonText.strip(line.substring(0, Math.min(commentStart, line.length())));
        if (value.isEmpty()) {
            // a blank line belongs to the current value (kept if more continuation lines follow); a comment does not
            if (commentStart == Integer.MAX_VALUE && section != null && key != null) {
                pending.add("");
            }
            return;
        }
        int currentIndent = PythonText.indent(line);
        if (section != null && key != null && currentIndent > indentLevel) {
            pending.add(value);
            return;
        }
        indentLevel = currentIndent;
        Matcher header = SECTION.matcher(value);
        if (header.lookingAt()) {
            flush();
            String name = header.group("header");
            section = document.open(name, file, number);
            sectionsSeen.add(name);
            key = null;
        } else if (section == null) {
            throw new ConfigurationException(file + ":" + number + ": " + value
                    + ": text before any section header (expected: a [section] line first)");
        } else {
            Matcher option = OPTION.matcher(value);
            flush();
            if (option.matches() && !option.group("option").isEmpty()) {
                key = PythonText.rstrip(option.group("option")).toLowerCase(Locale.ROOT);
                keyLine = number;
                pending.add(PythonText.strip(option.group("value")));
            } else {
                key = null;
                badLines.add(file + ":" + number + ": " + value
                        + ": not an INI line (expected: [section], key = value or key: value)");
            }
        }
    }

    /** Stores the value being read, its continuation lines joined. */
    private void flush() {
        if (key != null && !pending.isEmpty()) {
            section.put(key, new IniValue(PythonText.rstrip(String.join("\n", pending)), file, keyLine));
        }
        pending.clear();
    }

    /**
     * Where a comment starts, with Python's quirky search: the prefixes are searched in lock step, occurrence after
     * occurrence, and the first round where one of them starts the line or follows a white space wins.
     */
    private static int commentStart(String line) {
        int commentStart = Integer.MAX_VALUE;
        int[] indexes = new int[INLINE_COMMENT_PREFIXES.length];
        boolean[] alive = new boolean[INLINE_COMMENT_PREFIXES.length];
        Arrays.fill(indexes, -1);
        Arrays.fill(alive, true);
        boolean anyAlive = true;
        while (commentStart == Integer.MAX_VALUE && anyAlive) {
            anyAlive = false;
            for (int p = 0; p < INLINE_COMMENT_PREFIXES.length; p++) {
                if (!alive[p]) {
                    continue;
                }
                int index = line.indexOf(INLINE_COMMENT_PREFIXES[p], indexes[p] + 1);
                if (index == -1) {
                    alive[p] = false;
                    continue;
                }
                anyAlive = true;
                indexes[p] = index;
                if (index == 0 || PythonText.isSpace(line.charAt(index - 1))) {
                    commentStart = Math.min(commentStart, index);
                }
            }
        }
        String stripped = PythonText.strip(line);
        for (String prefix : COMMENT_PREFIXES) {
            if (stripped.startsWith(prefix)) {
                return 0;
            }
        }
        return commentStart;
    }
}
