package org.supvisors.dist.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into words as Python's {@code shlex.split} does in POSIX mode (which Supervisor uses on commands):
 * blanks separate words; single quotes keep everything literally; double quotes keep everything but
 * {@code \"} and {@code \\}; outside quotes a backslash escapes the next character.
 */
final class ShellWords {

    private ShellWords() {
    }

    /**
     * @throws IllegalArgumentException for an unclosed quote or a trailing backslash
     */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '\'') {
                inWord = true;
                int end = text.indexOf('\'', i);
                if (end < 0) {
                    throw new IllegalArgumentException("No closing quotation in: " + text);
                }
                word.append(text, i, end);
                i = end + 1;
            } else if (c == '"') {
                inWord = true;
                while (true) {
                    if (i >= text.length()) {
                        throw new IllegalArgumentException("No closing quotation in: " + text);
                    }
                    char d = text.charAt(i++);
                    if (d == '"') {
                        break;
                    }
                    if (d == '\\' && i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\\')) {
                        word.append(text.charAt(i++));
                    } else {
                        word.append(d);
                    }
                }
            } else if (c == '\\') {
                if (i >= text.length()) {
                    throw new IllegalArgumentException("No escaped character in: " + text);
                }
                inWord = true;
                word.append(text.charAt(i++));
            } else {
                inWord = true;
                word.append(c);
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
