package org.supvisors.cli.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A supervisord configuration file read as Supervisor reads it (Python's {@code RawConfigParser}): sections
 * {@code [name]}, options {@code key = value} or {@code key: value} with lower-cased keys, comment lines starting
 * with {@code ;} or {@code #}, inline comments after white space, continuation lines indented. A later section of the
 * same name adds to the first.
 */
final class IniFile {

    private final Path path;
    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    private IniFile(Path path) {
        this.path = path;
    }

    static IniFile read(Path path) throws ConfigurationException {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("could not read config file " + path);
        }
        IniFile file = new IniFile(path);
        Map<String, String> section = null;
        String key = null;
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = stripInlineComment(raw);
            if (line.isBlank() || raw.startsWith(";") || raw.startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && section != null && key != null) {
                section.merge(key, line.strip(), (a, b) -> a.isEmpty() ? b : a + "\n" + b);
                continue;
            }
            String text = line.strip();
            if (text.startsWith("[")) {
                int end = text.indexOf(']');
                if (end < 0) {
                    throw new ConfigurationException(path + ":" + number + ": " + text + " (expected: [section])");
                }
                section = file.sections.computeIfAbsent(text.substring(1, end).strip(), s -> new LinkedHashMap<>());
                key = null;
                continue;
            }
            int separator = separator(text);
            if (section == null || separator <= 0) {
                throw new ConfigurationException(path + ":" + number + ": " + text
                        + (section == null ? " (expected: a [section] first)" : " (expected: key = value)"));
            }
            key = text.substring(0, separator).strip().toLowerCase(Locale.ROOT);
            section.put(key, text.substring(separator + 1).strip());
        }
        return file;
    }

    private static int separator(String text) {
        int equals = text.indexOf('=');
        int colon = text.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }

    /** Removes a comment that starts with {@code ;} or {@code #} after white space. */
    private static String stripInlineComment(String line) {
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == ';' || c == '#') && Character.isWhitespace(line.charAt(i - 1))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    Path path() {
        return path;
    }

    boolean has(String section) {
        return sections.containsKey(section);
    }

    /** The raw value, {@code null} if the section or the option is missing. */
    String get(String section, String option) {
        Map<String, String> options = sections.get(section);
        return options == null ? null : options.get(option);
    }

    /** Adds the sections of an included file (supervisord merges includes into the main file). */
    void include(IniFile other) {
        other.sections.forEach((name, options) -> sections.computeIfAbsent(name, s -> new LinkedHashMap<>())
                .putAll(options));
    }
}
