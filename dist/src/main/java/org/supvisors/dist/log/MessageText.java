package org.supvisors.dist.log;

import java.text.Format;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The text of a parameterized message, as {@link System.Logger} and {@code java.util.logging} define it:
 * {@link MessageFormat} placeholders ({@code {0}}, {@code {1}}...), with three deviations that keep log lines
 * faithful to the values: a plain {@code {n}} prints a number with {@code toString()} ({@code 60000}, not the
 * locale's {@code 60,000}); explicit formats ({@code {0,number,#.##}}) use {@link Locale#ROOT}; and a message
 * without any {@code '{'} is left as is (MessageFormat would eat its apostrophes). An apostrophe in a message with
 * placeholders must still be doubled ({@code can''t}), as MessageFormat requires.
 */
final class MessageText {

    private MessageText() {
    }

    /** The localized text of {@code key}, or {@code key} itself without a bundle or a matching entry. */
    static String localize(ResourceBundle bundle, String key) {
        if (bundle == null || key == null) {
            return key;
        }
        try {
            return bundle.getString(key);
        } catch (MissingResourceException notLocalized) {
            return key;
        }
    }

    /** {@code pattern} with {@code params} in place; a malformed pattern is printed with the parameters after it. */
    static String format(String pattern, Object[] params) {
        if (pattern == null) {
            return "null";
        }
        if (params == null || params.length == 0 || pattern.indexOf('{') < 0) {
            return pattern;
        }
        try {
            MessageFormat format = new MessageFormat(pattern, Locale.ROOT);
            Format[] formats = format.getFormatsByArgumentIndex();
            Object[] args = params.clone();
            for (int index = 0; index < Math.min(args.length, formats.length); index++) {
                if (formats[index] == null && args[index] instanceof Number) {
                    args[index] = args[index].toString();
                }
            }
            return format.format(args);
        } catch (IllegalArgumentException malformed) {
            return pattern + " " + Arrays.toString(params);
        }
    }
}
