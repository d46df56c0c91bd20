package org.supvisors.client.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON of the event interface: objects as {@link LinkedHashMap}s (keys in order), arrays as {@link List}s,
 * integers as {@link Integer} (or {@link Long} when larger), other numbers as {@link Double}, strings, booleans,
 * {@code null}. Strict JSON (RFC 8259), plus what Python's {@code json.dumps} writes beyond it: {@code NaN},
 * {@code Infinity} and {@code -Infinity}. Errors name the offset and what was expected.
 */
final class JsonReader {

    private static final int MAX_DEPTH = 64;

    private final String text;
    private int at;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /**
     * The value of a whole text.
     *
     * @throws IllegalArgumentException when the text is not one JSON value
     */
    static Object read(String text) {
        JsonReader reader = new JsonReader(text);
        Object value = reader.value();
        reader.skipSpaces();
        if (reader.at < text.length()) {
            throw reader.error("end of text");
        }
        return value;
    }

    private Object value() {
        skipSpaces();
        if (at >= text.length()) {
            throw error("a value");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            case 'N':
                return literal("NaN", Double.NaN);
            case 'I':
                return literal("Infinity", Double.POSITIVE_INFINITY);
            default:
                if (c == '-' && text.startsWith("-Infinity", at)) {
                    return literal("-Infinity", Double.NEGATIVE_INFINITY);
                }
                if (c == '-' || c >= '0' && c <= '9') {
                    return number();
                }
                throw error("a value");
        }
    }

    private Map<String, Object> object() {
        enter();
        at++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpaces();
        if (peek() == '}') {
            at++;
            depth--;
            return map;
        }
        while (true) {
            skipSpaces();
            if (peek() != '"') {
                throw error("a key string");
            }
            String key = string();
            skipSpaces();
            expect(':');
            map.put(key, value());
            skipSpaces();
            char c = peek();
            at++;
            if (c == '}') {
                depth--;
                return map;
            }
            if (c != ',') {
                at--;
                throw error("',' or '}'");
            }
        }
    }

    private List<Object> array() {
        enter();
        at++;
        List<Object> list = new ArrayList<>();
        skipSpaces();
        if (peek() == ']') {
            at++;
            depth--;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpaces();
            char c = peek();
            at++;
            if (c == ']') {
                depth--;
                return list;
            }
            if (c != ',') {
                at--;
                throw error("',' or ']'");
            }
        }
    }

    private String string() {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("a closing '\"'");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < ' ') {
                at--;
                throw error("no control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw error("an escape");
            }
            char escape = text.charAt(at++);
            switch (escape) {
                case '"': out.append('"'); break;
                case '\\': out.append('\\'); break;
                case '/': out.append('/'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'u':
                    if (at + 4 > text.length()) {
                        throw error("4 hexadecimal digits");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException e) {
                        throw error("4 hexadecimal digits");
                    }
                    at += 4;
                    break;
                default:
                    at--;
                    throw error("an escape among \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
            }
        }
    }

    private Object number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("a digit");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            at++;
            if (!isDigit(peek())) {
                throw error("a digit after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!isDigit(peek())) {
                throw error("a digit in the exponent");
            }
            digits();
        }
        String number = text.substring(start, at);
        if (integral) {
            try {
                long value = Long.parseLong(number);
                return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : value;
            } catch (NumberFormatException tooLarge) {
                return Double.parseDouble(number);
            }
        }
        return Double.parseDouble(number);
    }

    private void digits() {
        while (isDigit(peek())) {
            at++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error("a value");
        }
        at += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpaces() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("at most " + MAX_DEPTH + " nested levels");
        }
    }

    private IllegalArgumentException error(String expected) {
        String found = at < text.length() ? "'" + text.charAt(at) + "'" : "end of text";
        return new IllegalArgumentException("JSON: " + found + " at offset " + at + " (expected: " + expected + ")");
    }

    /** An unmodifiable view, for the bodies handed to listeners. */
    static Map<String, Object> frozen(Map<String, Object> map) {
        return Collections.unmodifiableMap(map);
    }
}
