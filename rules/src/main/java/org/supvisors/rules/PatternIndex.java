package org.supvisors.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Elements bound to patterns, and 0.19's best pattern: each pattern is searched in a name (Python's
 * {@code re.search("(" + pattern + ")", name)}, here {@link Matcher#find()}), and the longest match wins; on a tie,
 * the first pattern in load order. A pattern given again replaces the element of the earlier one but keeps its rank.
 *
 * @param <T> what a pattern selects
 */
final class PatternIndex<T> {

    private record Entry<T>(Pattern pattern, T value) {
    }

    private final Map<String, Entry<T>> entries = new LinkedHashMap<>();
    private List<Entry<T>> ordered = List.of();

    /**
     * Binds a compiled pattern ({@link #compile}) to a value.
     *
     * @return the value the pattern was bound to before, if any
     */
    Optional<T> put(String text, Pattern pattern, T value) {
        Entry<T> previous = entries.put(text, new Entry<>(pattern, value));
        ordered = List.copyOf(entries.values());
        return previous == null ? Optional.empty() : Optional.of(previous.value());
    }

    /** The pattern as 0.19 searches it: wrapped in a group. */
    static Pattern compile(String text) {
        return Pattern.compile("(" + text + ")");
    }

    /** The value of the best pattern for the name, if any pattern matches. */
    Optional<T> best(String name) {
        T best = null;
        int longest = -1;
        for (Entry<T> entry : ordered) {
            Matcher matcher = entry.pattern().matcher(name);
            if (matcher.find() && matcher.end() - matcher.start() > longest) {
                longest = matcher.end() - matcher.start();
                best = entry.value();
            }
        }
        return Optional.ofNullable(best);
    }

    List<T> values() {
        return new ArrayList<>(entries.values().stream().map(Entry::value).toList());
    }
}
