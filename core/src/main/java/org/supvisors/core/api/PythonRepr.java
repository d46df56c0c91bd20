package org.supvisors.core.api;

import java.util.Collection;
import java.util.stream.Collectors;

/** Python's {@code repr} of a list of strings, which 0.19 puts in fault texts: {@code ['a', 'b']}. */
public final class PythonRepr {

    private PythonRepr() {
    }

    /** {@code ['a', 'b']} for strings, {@code [1, 2]} for numbers. */
    public static String list(Collection<?> items) {
        return items.stream().map(PythonRepr::value).collect(Collectors.joining(", ", "[", "]"));
    }

    /** The repr of a single XML-RPC value: strings quoted, booleans {@code True}/{@code False}. */
    public static String value(Object item) {
        if (item instanceof String) {
            return "'" + item + "'";
        }
        if (item instanceof Boolean) {
            return ((Boolean) item) ? "True" : "False";
        }
        return String.valueOf(item);
    }

    /** What Python's {@code type(x)} prints for a decoded XML-RPC value, e.g. {@code <class 'float'>}. */
    public static String type(Object item) {
        String name;
        if (item == null) {
            name = "NoneType";
        } else if (item instanceof String) {
            name = "str";
        } else if (item instanceof Boolean) {
            name = "bool";
        } else if (item instanceof Integer || item instanceof Long) {
            name = "int";
        } else if (item instanceof Double) {
            name = "float";
        } else if (item instanceof java.util.List) {
            name = "list";
        } else if (item instanceof java.util.Map) {
            name = "dict";
        } else if (item instanceof byte[]) {
            name = "xmlrpc.client.Binary";
        } else if (item instanceof java.util.Date) {
            name = "xmlrpc.client.DateTime";
        } else {
            name = item.getClass().getSimpleName();
        }
        return "<class '" + name + "'>";
    }
}
