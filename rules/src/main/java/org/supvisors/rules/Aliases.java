package org.supvisors.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The aliases of all the rules files, in declaration order. A later alias of the same name replaces the value of the
 * earlier one but keeps its rank (0.19's dictionary update), and the rank matters: see {@link #expand}.
 */
final class Aliases {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    /** Defines or redefines an alias; returns true when it replaces an earlier definition. */
    boolean define(String name, String text) {
        return values.put(name, split(text)) != null;
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    int size() {
        return values.size();
    }

    /**
     * A list of names as written in {@code identifiers}, aliases expanded: for each alias in declaration order, the
     * first occurrence of its name is replaced in place by its value (so an alias may use another alias only if it
     * is declared before it); then duplicates (first kept) and empty names are removed.
     */
    List<String> expand(String text) {
        List<String> names = split(text);
        values.forEach((name, value) -> {
            int position = names.indexOf(name);
            if (position >= 0) {
                names.remove(position);
                names.addAll(position, value);
            }
        });
        LinkedHashSet<String> unique = new LinkedHashSet<>(names);
        unique.remove("");
        return new ArrayList<>(unique);
    }

    /** Supervisor's {@code list_of_strings}: split on commas, each item stripped, empty items kept. */
    private static List<String> split(String text) {
        List<String> names = new ArrayList<>();
        for (String name : text.split(",", -1)) {
            names.add(name.strip());
        }
        return names;
    }
}
