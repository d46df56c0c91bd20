package org.supvisors.transport.supervisord;

/** How raw text received from supervisord is quoted in log lines and errors. */
final class Texts {

    /** At most this many characters of a raw text are quoted. */
    static final int EXCERPT_LENGTH = 200;

    private Texts() {
    }

    /** The text between quotes, control characters escaped, cut after {@link #EXCERPT_LENGTH} characters. */
    static String excerpt(CharSequence text) {
        StringBuilder quoted = new StringBuilder(Math.min(text.length(), EXCERPT_LENGTH) + 16).append('\'');
        int end = Math.min(text.length(), EXCERPT_LENGTH);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                quoted.append("\\n");
            } else if (c == '\r') {
                quoted.append("\\r");
            } else if (c == '\t') {
                quoted.append("\\t");
            } else if (c == '\'' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        quoted.append('\'');
        if (text.length() > end) {
            quoted.append("... (").append(text.length()).append(" characters)");
        }
        return quoted.toString();
    }
}
