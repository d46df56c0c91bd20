package org.supvisors.client.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of a message body, tolerant as the event interface asks: a missing key, or a value of another type,
 * gives the default ({@code ""}, 0, {@code false}, an empty list or map); the whole body stays available.
 */
final class Body {

    private Body() {
    }

    static String string(Map<String, Object> body, String key) {
        Object value = body.get(key);
        return value instanceof String ? (String) value : "";
    }

    static int integer(Map<String, Object> body, String key) {
        Object value = body.get(key);
        return value instanceof Number ? ((Number) value).intValue() : 0;
    }

    static long longInteger(Map<String, Object> body, String key) {
        Object value = body.get(key);
        return value instanceof Number ? ((Number) value).longValue() : 0;
    }

    static double number(Map<String, Object> body, String key) {
        return number(body.get(key));
    }

    private static double number(Object value) {
        return value instanceof Number ? ((Number) value).doubleValue() : 0;
    }

    static boolean bool(Map<String, Object> body, String key) {
        return Boolean.TRUE.equals(body.get(key));
    }

    static List<String> strings(Map<String, Object> body, String key) {
        Object value = body.get(key);
        List<String> strings = new ArrayList<>();
        if (value instanceof List) {
            for (Object element : (List<?>) value) {
                if (element instanceof String) {
                    strings.add((String) element);
                }
            }
        }
        return Collections.unmodifiableList(strings);
    }

    static List<Double> numbers(Map<String, Object> body, String key) {
        return numbers(body.get(key));
    }

    private static List<Double> numbers(Object value) {
        List<Double> numbers = new ArrayList<>();
        if (value instanceof List) {
            for (Object element : (List<?>) value) {
                numbers.add(number(element));
            }
        }
        return Collections.unmodifiableList(numbers);
    }

    static Map<String, String> stringMap(Map<String, Object> body, String key) {
        Map<String, String> map = new LinkedHashMap<>();
        if (body.get(key) instanceof Map) {
            ((Map<?, ?>) body.get(key)).forEach((k, v) -> map.put(String.valueOf(k), v instanceof String
                    ? (String) v : String.valueOf(v)));
        }
        return Collections.unmodifiableMap(map);
    }

    static Map<String, Double> numberMap(Map<String, Object> body, String key) {
        Map<String, Double> map = new LinkedHashMap<>();
        if (body.get(key) instanceof Map) {
            ((Map<?, ?>) body.get(key)).forEach((k, v) -> map.put(String.valueOf(k), number(v)));
        }
        return Collections.unmodifiableMap(map);
    }

    static Map<String, List<Double>> numbersMap(Map<String, Object> body, String key) {
        Map<String, List<Double>> map = new LinkedHashMap<>();
        if (body.get(key) instanceof Map) {
            ((Map<?, ?>) body.get(key)).forEach((k, v) -> map.put(String.valueOf(k), numbers(v)));
        }
        return Collections.unmodifiableMap(map);
    }
}
