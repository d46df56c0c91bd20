package org.supvisors.transport.config;

/**
 * Python's notion of white space ({@code str.isspace}, {@code str.strip}), which supervisord's parser relies on
 * and which differs from Java's {@code String.strip} for a few characters (no-break spaces, {@code U+0085}).
 */
final class PythonText {

    private PythonText() {
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    static String strip(String text) {
        return rstrip(lstrip(text));
    }

    static String lstrip(String text) {
        int start = 0;
        while (start < text.length() && isSpace(text.charAt(start))) {
            start++;
        }
        return text.substring(start);
    }

    static String rstrip(String text) {
        int end = text.length();
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** The index of the first character that is not a space, or 0 when there is none. */
    static int indent(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!isSpace(line.charAt(i))) {
                return i;
            }
        }
        return 0;
    }
}
