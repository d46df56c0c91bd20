package org.supvisors.dist.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code disabilities_file}: a JSON object {@code {"program": true|false, ...}} telling which programs are
 * disabled on this instance. Read at start (missing: everything enabled; not valid JSON or not an object: an error
 * line and everything enabled, where 0.19 refuses to start); rewritten whole, atomically, after every change.
 */
final class DisabilitiesFile {

    private static final System.Logger LOG = System.getLogger(DisabilitiesFile.class.getName());

    private final Path file;

    DisabilitiesFile(Path file) {
        this.file = file;
    }

    Map<String, Boolean> read() {
        if (!Files.exists(file)) {
            return Map.of();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "disabilities_file " + file + " unreadable (" + e.getMessage()
                    + "): every program is enabled");
            return Map.of();
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, "disabilities_file " + file + ": " + e.getMessage()
                    + ": every program is enabled");
            return Map.of();
        }
    }

    void write(Map<String, Boolean> disabilities) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Boolean> entry : new TreeMap<>(disabilities).entrySet()) {
            if (json.length() > 1) {
                json.append(", ");
            }
            json.append(quote(entry.getKey())).append(": ").append(entry.getValue());
        }
        json.append("}\n");
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot write disabilities_file " + file + ": " + e.getMessage());
        }
    }

    /** A JSON object of booleans; anything else is refused with the position. */
    static Map<String, Boolean> parse(String text) {
        Map<String, Boolean> result = new TreeMap<>();
        Cursor c = new Cursor(text);
        c.skip();
        c.expect('{');
        c.skip();
        if (c.peek() == '}') {
            c.next();
        } else {
            while (true) {
                c.skip();
                String key = c.string();
                c.skip();
                c.expect(':');
                c.skip();
                if (text.startsWith("true", c.pos)) {
                    result.put(key, true);
                    c.pos += 4;
                } else if (text.startsWith("false", c.pos)) {
                    result.put(key, false);
                    c.pos += 5;
                } else {
                    throw new IllegalArgumentException("at character " + c.pos + ": true or false expected");
                }
                c.skip();
                char next = c.next();
                if (next == '}') {
                    break;
                }
                if (next != ',') {
                    throw new IllegalArgumentException("at character " + (c.pos - 1) + ": ',' or '}' expected");
                }
            }
        }
        c.skip();
        if (c.pos != text.length()) {
            throw new IllegalArgumentException("at character " + c.pos + ": nothing expected after the object");
        }
        return result;
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                quoted.append('\\').append(ch);
            } else if (ch < 0x20) {
                quoted.append(String.format("\\u%04x", (int) ch));
            } else {
                quoted.append(ch);
            }
        }
        return quoted.append('"').toString();
    }

    /** A position in the text being parsed. */
    private static final class Cursor {
        final String text;
        int pos;

        Cursor(String text) {
            this.text = text;
        }

        char peek() {
            if (pos >= text.length()) {
                throw new IllegalArgumentException("unexpected end of the text");
            }
            return text.charAt(pos);
        }

        char next() {
            char c = peek();
            pos++;
            return c;
        }

        void skip() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        void expect(char expected) {
            if (next() != expected) {
                throw new IllegalArgumentException("at character " + (pos - 1) + ": '" + expected + "' expected");
            }
        }

        String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    char escaped = next();
                    switch (escaped) {
                        case 'n': value.append('\n'); break;
                        case 't': value.append('\t'); break;
                        case 'r': value.append('\r'); break;
                        case 'b': value.append('\b'); break;
                        case 'f': value.append('\f'); break;
                        case 'u':
                            if (pos + 4 > text.length()) {
                                throw new IllegalArgumentException("at character " + pos + ": bad \\u escape");
                            }
                            value.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                            pos += 4;
                            break;
                        default: value.append(escaped); break;
                    }
                } else {
                    value.append(c);
                }
            }
        }
    }
}
