package org.supvisors.client.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code supervisor.reloadConfig} found, the answer {@code [[added, changed, removed]]}: group names whose
 * configuration was added, changed or removed (nothing is applied until {@code addProcessGroup} or
 * {@code removeProcessGroup}).
 *
 * @param added the groups added
 * @param changed the groups changed
 * @param removed the groups removed
 */
public record ConfigChanges(List<String> added, List<String> changed, List<String> removed) {

    /** Copies the lists into read-only ones. */
    public ConfigChanges {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /**
     * Decodes the array as supervisord sends it.
     *
     * @throws IllegalArgumentException when the value is not {@code [[array, array, array]]} of strings
     */
    public static ConfigChanges fromValue(Object value) {
        if (value instanceof List<?> outer && outer.size() == 1 && outer.get(0) instanceof List<?> inner
                && inner.size() == 3) {
            return new ConfigChanges(names(inner.get(0), value), names(inner.get(1), value),
                    names(inner.get(2), value));
        }
        throw new IllegalArgumentException("ConfigChanges: " + value + " (expected: [[added, changed, removed]])");
    }

    private static List<String> names(Object list, Object whole) {
        List<String> names = new ArrayList<>();
        if (list instanceof List<?> items) {
            for (Object item : items) {
                if (!(item instanceof String name)) {
                    break;
                }
                names.add(name);
            }
            if (names.size() == items.size()) {
                return names;
            }
        }
        throw new IllegalArgumentException("ConfigChanges: " + whole + " (expected: arrays of group names)");
    }
}
