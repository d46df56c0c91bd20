package org.supvisors.transport.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The conversions of {@code supervisor.datatypes} (and of Python's {@code int} and {@code float}) that option
 * values go through, with the same accepted forms. Errors are {@link IllegalArgumentException}s whose message is
 * Supervisor's reason, or {@link NumberFormatException}s that callers turn into the option's own reason.
 */
final class SupervisorDatatypes {

    private static final Pattern PYTHON_INT = Pattern.compile("[+-]?\\d+(?:_\\d+)*", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PYTHON_FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d+(?:_\\d+)*)?\\.?\\d+(?:_\\d+)*|\\d+(?:_\\d+)*\\.)(?:[eE][+-]?\\d+(?:_\\d+)*)?");
    private static final List<String> TRUTHY = List.of("yes", "true", "on", "1");
    private static final List<String> FALSY = List.of("no", "false", "off", "0");
    private static final String WORD_CHARS =
            "abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_" + "/.+-():";

    private SupervisorDatatypes() {
    }

    /** Python's {@code int(text)}: spaces around, a sign, digits with single underscores between them. */
    static long integer(String text) {
        String stripped = PythonText.strip(text);
        if (!PYTHON_INT.matcher(stripped).matches()) {
            throw new NumberFormatException("invalid literal for int() with base 10: '" + text + "'");
        }
        BigInteger value = new BigInteger(stripped.replace("_", ""));
        if (value.bitLength() > 63) {
            throw new NumberFormatException("integer too large: " + text);
        }
        return value.longValue();
    }

    /** Python's {@code float(text)}, infinities and NaN excluded (no option accepts them). */
    static double floating(String text) {
        String stripped = PythonText.strip(text);
        if (!PYTHON_FLOAT.matcher(stripped).matches()) {
            throw new NumberFormatException("could not convert string to float: '" + text + "'");
        }
        return Double.parseDouble(stripped.replace("_", ""));
    }

    /** Supervisor's {@code boolean}: {@code true|yes|on|1} and {@code false|no|off|0}, case-insensitive. */
    static boolean bool(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (TRUTHY.contains(lower)) {
            return true;
        }
        if (FALSY.contains(lower)) {
            return false;
        }
        throw new IllegalArgumentException("not a valid boolean value: '" + text + "'");
    }

    /** Supervisor's {@code byte_size}: an integer with an optional case-insensitive KB, MB or GB suffix (×1024). */
    static long byteSize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        long multiplier = 1;
        String number = lower;
        if (lower.endsWith("kb")) {
            multiplier = 1024;
        } else if (lower.endsWith("mb")) {
            multiplier = 1024 * 1024;
        } else if (lower.endsWith("gb")) {
            multiplier = 1024L * 1024 * 1024;
        }
        if (multiplier > 1) {
            number = lower.substring(0, lower.length() - 2);
        }
        try {
            return Math.multiplyExact(integer(number), multiplier);
        } catch (ArithmeticException e) {
            throw new NumberFormatException("byte size too large: " + text);
        }
    }

    /** Supervisor's {@code list_of_strings}: split at commas, each item stripped; empty items are kept. */
    static List<String> listOfStrings(String text) {
        List<String> items = new ArrayList<>();
        if (text.isEmpty()) {
            return items;
        }
        for (String item : text.split(",", -1)) {
            items.add(PythonText.strip(item));
        }
        return items;
    }

    /**
     * Supervisor's {@code process_or_group_name}: the stripped name, refused when it holds a space, a colon or a
     * slash (they would break the event listener protocol or the web UI URLs).
     */
    static String processOrGroupName(String name) {
        String stripped = PythonText.strip(name);
        for (char c : new char[] {' ', ':', '/'}) {
            if (stripped.indexOf(c) >= 0) {
                throw new IllegalArgumentException("Invalid name: '" + name + "' because of character: '" + c + "'");
            }
        }
        return stripped;
    }

    /**
     * Supervisor's {@code dict_of_key_value_pairs}: {@code KEY=val,KEY2="val 2"} read with Python's non-POSIX
     * {@code shlex} (words of letters, digits and {@code _/.+-():}; quoted strings; {@code #} comments), each triple
     * {@code key = value} followed by one separator token.
     */
    static Map<String, String> dictOfKeyValuePairs(String text) {
        List<String> tokens = shlexTokens(text);
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i += 4) {
            if (i + 2 >= tokens.size() || !tokens.get(i + 1).equals("=")) {
                throw new IllegalArgumentException("Unexpected end of key/value pairs in value '" + text + "'");
            }
            pairs.put(tokens.get(i), stripQuotes(tokens.get(i + 2)));
        }
        return pairs;
    }

    private static String stripQuotes(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && (token.charAt(start) == '\'' || token.charAt(start) == '"')) {
            start++;
        }
        while (end > start && (token.charAt(end - 1) == '\'' || token.charAt(end - 1) == '"')) {
            end--;
        }
        return token.substring(start, end);
    }

    /** The tokens of Python's {@code shlex.shlex(text)} in its non-POSIX mode, with supervisord's word characters. */
    static List<String> shlexTokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        char state = ' ';
        int i = 0;
        while (true) {
            boolean eof = i >= text.length();
            char c = eof ? 0 : text.charAt(i++);
            if (state == ' ') {
                if (eof) {
                    break;
                } else if (" \t\r\n".indexOf(c) >= 0) {
                    continue;
                } else if (c == '#') {
                    i = skipLine(text, i);
                } else if (WORD_CHARS.indexOf(c) >= 0) {
                    token.append(c);
                    state = 'a';
                } else if (c == '\'' || c == '"') {
                    token.append(c);
                    state = c;
                } else {
                    tokens.add(String.valueOf(c));
                }
            } else if (state == '\'' || state == '"') {
                if (eof) {
                    throw new IllegalArgumentException("No closing quotation in '" + text + "'");
                }
                token.append(c);
                if (c == state) {
                    tokens.add(token.toString());
                    token.setLength(0);
                    state = ' ';
                }
            } else {
                if (eof) {
                    tokens.add(token.toString());
                    break;
                } else if (" \t\r\n".indexOf(c) >= 0) {
                    tokens.add(token.toString());
                    token.setLength(0);
                    state = ' ';
                } else if (c == '#') {
                    i = skipLine(text, i);
                } else if (WORD_CHARS.indexOf(c) >= 0 || c == '\'' || c == '"') {
                    token.append(c);
                } else {
                    tokens.add(token.toString());
                    token.setLength(0);
                    state = ' ';
                    i--;
                }
            }
        }
        return tokens;
    }

    private static int skipLine(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline + 1;
    }
}
