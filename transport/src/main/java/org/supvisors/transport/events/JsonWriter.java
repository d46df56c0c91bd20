package org.supvisors.transport.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes the bodies of the event interface as JSON, byte for byte as 0.19 did with Python's {@code json.dumps}
 * defaults: separators {@code ", "} and {@code ": "}, keys in the map's order, every character outside printable
 * ASCII escaped ({@code \u00e9}, so the output is ASCII), floats as Python's {@code repr} ({@code 0.5},
 * {@code 12.0}, {@code 1e-05}, {@code 1.5e+16}).
 *
 * <p>Strict: only the values of the bodies are accepted ({@link String}, {@link Integer}, {@link Long},
 * {@link Double}, {@link Boolean}, {@code null}, {@link List} and {@link Map} with {@code String} keys), and only
 * finite numbers (Python would write {@code NaN}, which is not JSON). A refused value throws
 * {@link IllegalArgumentException} naming its place, e.g. {@code body.cpu[2]: NaN (expected: a finite number)}.
 */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    /** Appends {@code value} as JSON to {@code out}; {@code place} names it in errors ({@code body}). */
    static void write(Object value, String place, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            writeString((String) value, out);
        } else if (value instanceof Boolean) {
            out.append(((Boolean) value).booleanValue() ? "true" : "false");
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Double) {
            writeDouble((Double) value, place, out);
        } else if (value instanceof Map) {
            writeObject((Map<?, ?>) value, place, out);
        } else if (value instanceof List) {
            writeArray((List<?>) value, place, out);
        } else {
            throw new IllegalArgumentException(place + ": " + value.getClass().getName() + " " + value
                    + " (expected: String, Integer, Long, Double, Boolean, null, List or Map)");
        }
    }

    private static void writeObject(Map<?, ?> map, String place, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String)) {
                throw new IllegalArgumentException(place + ": key " + entry.getKey() + " (expected: a String)");
            }
            String key = (String) entry.getKey();
            if (!first) {
                out.append(", ");
            }
            first = false;
            writeString(key, out);
            out.append(": ");
            write(entry.getValue(), place + "." + key, out);
        }
        out.append('}');
    }

    private static void writeArray(List<?> list, String place, StringBuilder out) {
        out.append('[');
        int index = 0;
        for (Object element : list) {
            if (index > 0) {
                out.append(", ");
            }
            write(element, place + "[" + index + "]", out);
            index++;
        }
        out.append(']');
    }

    static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    if (c < ' ' || c > '~') {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    /** Python's {@code repr} of a float: the shortest digits, fixed notation when -4 &lt; exponent+1 &lt;= 16. */
    private static void writeDouble(double value, String place, StringBuilder out) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(place + ": " + value + " (expected: a finite number)");
        }
        if (value == 0) {
            out.append(1 / value < 0 ? "-0.0" : "0.0");
            return;
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = decimal.unscaledValue().abs().toString();
        int point = digits.length() - decimal.scale();   // value = 0.<digits> x 10^point
        if (value < 0) {
            out.append('-');
        }
        if (point > -4 && point <= 16) {
            if (point <= 0) {
                out.append("0.");
                appendZeros(-point, out);
                out.append(digits);
            } else if (point >= digits.length()) {
                out.append(digits);
                appendZeros(point - digits.length(), out);
                out.append(".0");
            } else {
                out.append(digits, 0, point).append('.').append(digits, point, digits.length());
            }
        } else {
            int exponent = point - 1;
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        }
    }

    private static void appendZeros(int count, StringBuilder out) {
        for (int i = 0; i < count; i++) {
            out.append('0');
        }
    }
}
