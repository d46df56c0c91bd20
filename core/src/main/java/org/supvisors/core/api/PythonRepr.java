package org.supvisors.core.api;

import java.util.Collection;
import java.util.stream.Collectors;

/** Python's {@code repr} of a list of strings, which 0.19 puts in fault texts: {@code ['a', 'b']}. */
public final class PythonRepr {

    private PythonRepr() {
    }

    public static String list(Collection<?> items) {
        return items.stream().map(item -> "'" + item + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
