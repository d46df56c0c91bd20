package org.supvisors.transport.supervisord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One XML-RPC struct answered by supervisord, read with the types Supervisor documents. A missing key or a value of
 * another type is an unexpected answer, reported as a {@link SupervisordTransportException} naming the key, the value
 * and the expected type.
 */
final class XmlRpcStruct {

    private final Map<String, Object> values;
    private final String url;
    private final String method;

    private XmlRpcStruct(Map<String, Object> values, String url, String method) {
        this.values = values;
        this.url = url;
        this.method = method;
    }

    static XmlRpcStruct of(Object value, String url, String method) throws SupervisordTransportException {
        if (!(value instanceof Map)) {
            throw unexpected(url, method, "answer", value, "struct");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return new XmlRpcStruct(map, url, method);
    }

    /** The structs of an array answer. */
    static List<XmlRpcStruct> array(Object value, String url, String method) throws SupervisordTransportException {
        if (!(value instanceof Object[])) {
            throw unexpected(url, method, "answer", value, "array");
        }
        List<XmlRpcStruct> structs = new ArrayList<>();
        for (Object element : (Object[]) value) {
            structs.add(of(element, url, method));
        }
        return structs;
    }

    /** An answer that must be a boolean. */
    static boolean bool(Object value, String url, String method) throws SupervisordTransportException {
        if (!(value instanceof Boolean)) {
            throw unexpected(url, method, "answer", value, "boolean");
        }
        return (Boolean) value;
    }

    /** An answer that must be a string. */
    static String string(Object value, String url, String method) throws SupervisordTransportException {
        if (!(value instanceof String)) {
            throw unexpected(url, method, "answer", value, "string");
        }
        return (String) value;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Object get(String key) {
        return values.get(key);
    }

    String string(String key) throws SupervisordTransportException {
        Object value = values.get(key);
        if (!(value instanceof String)) {
            throw unexpected(url, method, key, value, "string");
        }
        return (String) value;
    }

    int integer(String key) throws SupervisordTransportException {
        Object value = values.get(key);
        if (!(value instanceof Integer)) {
            throw unexpected(url, method, key, value, "int");
        }
        return (Integer) value;
    }

    boolean bool(String key) throws SupervisordTransportException {
        Object value = values.get(key);
        if (!(value instanceof Boolean)) {
            throw unexpected(url, method, key, value, "boolean");
        }
        return (Boolean) value;
    }

    List<Integer> integers(String key) throws SupervisordTransportException {
        Object value = values.get(key);
        if (!(value instanceof Object[])) {
            throw unexpected(url, method, key, value, "array of int");
        }
        List<Integer> integers = new ArrayList<>();
        for (Object element : (Object[]) value) {
            if (!(element instanceof Integer)) {
                throw unexpected(url, method, key, value, "array of int");
            }
            integers.add((Integer) element);
        }
        return Collections.unmodifiableList(integers);
    }

    /** Every key and value, arrays as lists, read-only. */
    Map<String, Object> asMap() {
        Map<String, Object> copy = new java.util.TreeMap<>();
        values.forEach((key, value) -> copy.put(key, value instanceof Object[] ? List.of((Object[]) value) : value));
        return Collections.unmodifiableMap(copy);
    }

    private static SupervisordTransportException unexpected(String url, String method, String key, Object value,
                                                            String expected) {
        String shown = value instanceof Object[] ? java.util.Arrays.toString((Object[]) value) : String.valueOf(value);
        String type = value == null ? "missing" : value.getClass().getSimpleName();
        return new SupervisordTransportException(url, method, "unexpected answer: " + key + ": "
                + Texts.excerpt(shown) + " of type " + type + " (expected: " + expected + ")", null);
    }
}
