package org.supvisors.core.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed reads of a wire structure, each refusing a missing or mistyped field with its name and what was expected. */
final class WireFields {

    private final Map<String, Object> map;
    private final String where;

    WireFields(Object value, String where) throws MalformedMessageException {
        if (!(value instanceof Map)) {
            throw new MalformedMessageException(where + ": " + describe(value) + " (expected: a struct)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> cast = (Map<String, Object>) value;
        this.map = cast;
        this.where = where;
    }

    private Object get(String key) throws MalformedMessageException {
        if (!map.containsKey(key)) {
            throw new MalformedMessageException(where + "." + key + ": missing");
        }
        return map.get(key);
    }

    boolean has(String key) {
        return map.containsKey(key) && map.get(key) != null;
    }

    String string(String key) throws MalformedMessageException {
        Object value = get(key);
        if (value instanceof String) {
            return (String) value;
        }
        throw mistyped(key, value, "a string");
    }

    boolean bool(String key) throws MalformedMessageException {
        Object value = get(key);
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        throw mistyped(key, value, "a boolean");
    }

    long integer(String key) throws MalformedMessageException {
        Object value = get(key);
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw mistyped(key, value, "an integer");
    }

    int int32(String key) throws MalformedMessageException {
        long value = integer(key);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw mistyped(key, value, "a 32-bit integer");
        }
        return (int) value;
    }

    double real(String key) throws MalformedMessageException {
        Object value = get(key);
        if (value instanceof Double) {
            double d = (Double) value;
            if (Double.isFinite(d)) {
                return d;
            }
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).doubleValue();
        }
        throw mistyped(key, value, "a finite number");
    }

    List<Object> list(String key) throws MalformedMessageException {
        Object value = get(key);
        if (value instanceof List) {
            @SuppressWarnings("unchecked")
            List<Object> cast = (List<Object>) value;
            return cast;
        }
        throw mistyped(key, value, "an array");
    }

    List<String> strings(String key) throws MalformedMessageException {
        List<String> result = new ArrayList<>();
        for (Object item : list(key)) {
            if (!(item instanceof String)) {
                throw mistyped(key, item, "an array of strings");
            }
            result.add((String) item);
        }
        return result;
    }

    WireFields struct(String key) throws MalformedMessageException {
        return new WireFields(get(key), where + "." + key);
    }

    Map<String, Object> raw() {
        return map;
    }

    String where() {
        return where;
    }

    private MalformedMessageException mistyped(String key, Object value, String expected) {
        return new MalformedMessageException(where + "." + key + ": " + describe(value) + " (expected: " + expected
                + ")");
    }

    static String describe(Object value) {
        if (value == null) {
            return "nil";
        }
        String text = String.valueOf(value);
        if (text.length() > 40) {
            text = text.substring(0, 40) + "...";
        }
        return text + " of type " + value.getClass().getSimpleName();
    }
}
