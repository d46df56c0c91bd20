package org.supvisors.transport.supervisord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Supervisor's {@code key:value key:value} text, as in event headers and process-state payloads. Words are
 * separated by single spaces; a word starting with {@code key:} for one of the given keys (first occurrence only)
 * opens a field, any other word (unknown keys included) belongs to the value of the field before it, so that
 * values may hold spaces or colons.
 */
final class KeyValueText {

    private KeyValueText() {
    }

    /**
     * The fields of {@code text}, in order.
     *
     * @param what names the text in errors, e.g. {@code "event header"}
     * @throws MalformedEventException when the text does not start with a known key
     */
    static Map<String, String> parse(String text, Set<String> keys, String what) throws MalformedEventException {
        Map<String, String> fields = new LinkedHashMap<>();
        String key = null;
        StringBuilder value = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            int colon = word.indexOf(':');
            String candidate = colon > 0 ? word.substring(0, colon) : null;
            if (candidate != null && keys.contains(candidate) && !fields.containsKey(candidate)
                    && !candidate.equals(key)) {
                if (key != null) {
                    fields.put(key, value.toString());
                }
                key = candidate;
                value.setLength(0);
                value.append(word, colon + 1, word.length());
            } else if (key != null) {
                value.append(' ').append(word);
            } else if (!word.isEmpty()) {
                throw new MalformedEventException(what + ": " + Texts.excerpt(text) + " (expected: key:value words, keys "
                        + keys + ")");
            }
        }
        if (key != null) {
            fields.put(key, value.toString());
        }
        return fields;
    }
}
