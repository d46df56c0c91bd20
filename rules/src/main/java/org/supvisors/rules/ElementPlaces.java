package org.supvisors.rules;

import java.util.HashMap;
import java.util.Map;

import org.glassfish.jaxb.core.Locatable;
import org.xml.sax.Locator;

/**
 * The places of the elements of one rules file. JAXB tells where a bound element starts; the places of its simple
 * children (such as {@code start_sequence}) are recorded while reading, keyed by the place of their parent, so that
 * a message about a value points at the value.
 */
final class ElementPlaces {

    private final String file;
    private final Map<Long, Map<String, Place>> children = new HashMap<>();

    ElementPlaces(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /** Records the first child of a name under a parent. */
    void recordChild(Place parent, String childName, Place child) {
        children.computeIfAbsent(key(parent.line(), parent.column()), k -> new HashMap<>())
                .putIfAbsent(childName, child);
    }

    /** Where a bound element starts. */
    Place of(Locatable element) {
        Locator locator = element.sourceLocation();
        return locator == null ? Place.of(file) : new Place(file, locator.getLineNumber(), locator.getColumnNumber());
    }

    /** Where a child of a bound element starts, or the element itself if the child was not recorded. */
    Place child(Locatable element, String childName) {
        Place parent = of(element);
        Place child = children.getOrDefault(key(parent.line(), parent.column()), Map.of()).get(childName);
        return child == null ? parent : child;
    }

    private static long key(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }
}
