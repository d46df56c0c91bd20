package org.supvisors.client.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Typed, strict reads of an XML-RPC struct: a missing key, or a value of another type, is an
 * {@code IllegalArgumentException} naming the structure, the key, the value and the type expected. Keys that no
 * reader asks for stay in {@link #raw()}.
 */
final class Struct {

    private final String type;
    private final Map<String, Object> map;

    private Struct(String type, Map<String, Object> map) {
        this.type = type;
        this.map = map;
    }

    /** A read-only copy of {@code map}, read as the structure {@code type}. */
    static Struct of(String type, Map<String, ?> map) {
        if (map == null) {
            throw new IllegalArgumentException(type + ": null (expected: a struct)");
        }
        return new Struct(type, freeze(map));
    }

    /** A read-only copy of a struct, in its order, null values allowed (XML-RPC {@code nil}). */
    static Map<String, Object> freeze(Map<String, ?> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** A read-only copy of a map of decoded values, in its order. */
    static <V> Map<String, V> frozenMap(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Every key, as received. */
    Map<String, Object> raw() {
        return map;
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    String string(String key) {
        return as(key, String.class, "string");
    }

    Optional<String> optionalString(String key) {
        return has(key) ? Optional.of(string(key)) : Optional.empty();
    }

    boolean bool(String key) {
        return as(key, Boolean.class, "boolean");
    }

    int integer(String key) {
        Object value = get(key, "int");
        if (value instanceof Integer number) {
            return number;
        }
        if (value instanceof Long number && number == number.intValue()) {
            return number.intValue();
        }
        throw wrong(key, value, "int");
    }

    long longInteger(String key) {
        Object value = get(key, "int");
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw wrong(key, value, "int");
    }

    /** A double; an int is accepted too (0.19 sends some defaults as ints). */
    double number(String key) {
        Object value = get(key, "double");
        if (value instanceof Double || value instanceof Integer || value instanceof Long) {
            return ((Number) value).doubleValue();
        }
        throw wrong(key, value, "double");
    }

    List<String> strings(String key) {
        return list(key, "array of strings", String.class);
    }

    List<Integer> integers(String key) {
        return list(key, "array of ints", Integer.class);
    }

    Map<String, String> stringMap(String key) {
        Map<String, String> result = new LinkedHashMap<>();
        struct(key).map.forEach((name, value) -> {
            if (!(value instanceof String text)) {
                throw wrong(key + "." + name, value, "string");
            }
            result.put(name, text);
        });
        return Collections.unmodifiableMap(result);
    }

    /** A nested struct, read as the structure {@code type.key}. */
    Struct struct(String key) {
        Object value = get(key, "struct");
        if (!(value instanceof Map<?, ?> nested)) {
            throw wrong(key, value, "struct");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        nested.forEach((name, element) -> copy.put(String.valueOf(name), element));
        return new Struct(type + "." + key, Collections.unmodifiableMap(copy));
    }

    Optional<Struct> optionalStruct(String key) {
        return has(key) ? Optional.of(struct(key)) : Optional.empty();
    }

    /** An enumeration constant from the int at {@code key}. */
    <E> E code(String key, IntFunction<E> fromCode) {
        int code = integer(key);
        try {
            return fromCode.apply(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(type + " " + key + ": " + e.getMessage(), e);
        }
    }

    /** An enumeration constant from the string at {@code key}. */
    <E> E name(String key, Function<String, E> fromName) {
        String name = string(key);
        try {
            return fromName.apply(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(type + " " + key + ": " + e.getMessage(), e);
        }
    }

    /** Each value of the nested struct at {@code key}, converted by {@code convert}. */
    <V> Map<String, V> mapOf(String key, Function<Struct, V> convert) {
        Struct nested = struct(key);
        Map<String, V> result = new LinkedHashMap<>();
        for (String name : nested.map.keySet()) {
            result.put(name, convert.apply(nested.struct(name)));
        }
        return Collections.unmodifiableMap(result);
    }

    private <T> List<T> list(String key, String expected, Class<T> elementType) {
        Object value = get(key, expected);
        if (!(value instanceof List<?> items)) {
            throw wrong(key, value, expected);
        }
        List<T> result = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!elementType.isInstance(item)) {
                throw wrong(key + "[" + result.size() + "]", item, expected);
            }
            result.add(elementType.cast(item));
        }
        return Collections.unmodifiableList(result);
    }

    private <T> T as(String key, Class<T> javaType, String expected) {
        Object value = get(key, expected);
        if (!javaType.isInstance(value)) {
            throw wrong(key, value, expected);
        }
        return javaType.cast(value);
    }

    private Object get(String key, String expected) {
        if (!map.containsKey(key)) {
            throw new IllegalArgumentException(type + " " + key + ": missing (expected: " + expected + ")");
        }
        return map.get(key);
    }

    private IllegalArgumentException wrong(String key, Object value, String expected) {
        return new IllegalArgumentException(type + " " + key + ": " + describe(value) + " (expected: " + expected
                + ")");
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nil";
        }
        String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return text + " of type " + value.getClass().getSimpleName();
    }
}
