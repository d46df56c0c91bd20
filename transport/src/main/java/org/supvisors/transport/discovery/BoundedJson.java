package org.supvisors.transport.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of the small JSON texts that discovery datagrams hold (RFC 8259 syntax; what Python's
 * {@code json.dumps} writes). Values come out as {@link Long} (integers only), {@link String}, {@link Boolean},
 * {@link #NULL}, {@link List} and {@link Map} (in text order). Bounded: nesting depth, string length and element
 * count are limited, duplicate keys are refused, and nothing but whitespace may follow the value.
 */
final class BoundedJson {

    /** JSON's {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    static final int MAX_DEPTH = 4;
    static final int MAX_STRING_LENGTH = 1024;
    static final int MAX_ELEMENTS = 256;

    private final String text;
    private int position;

    private BoundedJson(String text) {
        this.text = text;
    }

    /** The value of {@code text}, which must hold exactly one JSON value. */
    static Object parse(String text) throws MalformedAnnouncementException {
        BoundedJson reader = new BoundedJson(text);
        reader.skipWhitespace();
        Object value = reader.value(1);
        reader.skipWhitespace();
        if (reader.position != text.length()) {
            throw reader.error("unexpected text after the JSON value");
        }
        return value;
    }

    private Object value(int depth) throws MalformedAnnouncementException {
        if (position >= text.length()) {
            throw error("truncated JSON (expected: a value)");
        }
        char c = text.charAt(position);
        switch (c) {
            case '[':
                return array(depth);
            case '{':
                return object(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return integer();
                }
                throw error("unexpected character '" + printable(c) + "' (expected: a JSON value)");
        }
    }

    private List<Object> array(int depth) throws MalformedAnnouncementException {
        checkDepth(depth);
        position++;
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return elements;
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth + 1));
            if (elements.size() > MAX_ELEMENTS) {
                throw error("array of more than " + MAX_ELEMENTS + " elements");
            }
            skipWhitespace();
            char c = next("',' or ']'");
            if (c == ']') {
                return elements;
            }
            if (c != ',') {
                throw error("unexpected character '" + printable(c) + "' in an array (expected: ',' or ']')");
            }
        }
    }

    private Map<String, Object> object(int depth) throws MalformedAnnouncementException {
        checkDepth(depth);
        position++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("object key expected (a string)");
            }
            String key = string();
            skipWhitespace();
            if (next("':'") != ':') {
                throw error("':' expected after the key \"" + key + "\"");
            }
            skipWhitespace();
            Object value = value(depth + 1);
            if (members.put(key, value) != null) {
                throw error("duplicate key \"" + key + "\"");
            }
            if (members.size() > MAX_ELEMENTS) {
                throw error("object of more than " + MAX_ELEMENTS + " members");
            }
            skipWhitespace();
            char c = next("',' or '}'");
            if (c == '}') {
                return members;
            }
            if (c != ',') {
                throw error("unexpected character '" + printable(c) + "' in an object (expected: ',' or '}')");
            }
        }
    }

    private String string() throws MalformedAnnouncementException {
        position++;
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = next("'\"' closing a string");
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw error("control character U+" + String.format("%04X", (int) c) + " in a string");
            }
            if (c == '\\') {
                char escaped = next("an escape sequence");
                switch (escaped) {
                    case '"': case '\\': case '/':
                        value.append(escaped);
                        break;
                    case 'b': value.append('\b'); break;
                    case 'f': value.append('\f'); break;
                    case 'n': value.append('\n'); break;
                    case 'r': value.append('\r'); break;
                    case 't': value.append('\t'); break;
                    case 'u':
                        value.append(unicodeEscape());
                        break;
                    default:
                        throw error("invalid escape '\\" + printable(escaped) + "' in a string");
                }
            } else {
                value.append(c);
            }
            if (value.length() > MAX_STRING_LENGTH) {
                throw error("string longer than " + MAX_STRING_LENGTH + " characters");
            }
        }
    }

    private char unicodeEscape() throws MalformedAnnouncementException {
        if (position + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position++), 16);
            if (digit < 0) {
                throw error("invalid \\u escape (expected: 4 hexadecimal digits)");
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private Long integer() throws MalformedAnnouncementException {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        int digitsStart = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))
                && text.charAt(position) < 0x80) {
            position++;
        }
        int digits = position - digitsStart;
        if (digits == 0) {
            throw error("digit expected after '-'");
        }
        if (digits > 1 && text.charAt(digitsStart) == '0') {
            throw error("number with a leading zero");
        }
        if (position < text.length() && ".eE".indexOf(text.charAt(position)) >= 0) {
            throw error("number that is not an integer");
        }
        if (digits > 18) {
            throw error("integer of more than 18 digits");
        }
        return Long.parseLong(text.substring(start, position));
    }

    private Object literal(String word, Object value) throws MalformedAnnouncementException {
        if (!text.startsWith(word, position)) {
            throw error("invalid literal (expected: " + word + ")");
        }
        position += word.length();
        return value;
    }

    private void checkDepth(int depth) throws MalformedAnnouncementException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private char next(String expected) throws MalformedAnnouncementException {
        if (position >= text.length()) {
            throw error("truncated JSON (expected: " + expected + ")");
        }
        return text.charAt(position++);
    }

    private MalformedAnnouncementException error(String reason) {
        return new MalformedAnnouncementException(reason + " at offset " + Math.min(position, text.length()));
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
