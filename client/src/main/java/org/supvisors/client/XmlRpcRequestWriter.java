package org.supvisors.client;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an XML-RPC {@code methodCall} in UTF-8, from these Java values: {@code String}; {@code Integer},
 * {@code Short}, {@code Byte} ({@code <int>}); {@code Long} ({@code <int>} when it fits in 32 bits, else
 * {@code <i8>}); {@code Boolean}; {@code Double}, {@code Float}; {@code byte[]} ({@code <base64>});
 * {@code LocalDateTime} ({@code <dateTime.iso8601>}); a {@code Map} with {@code String} keys ({@code <struct>});
 * a {@code Collection} or an {@code Object[]} ({@code <array>}); {@code null} ({@code <nil/>}, which Python's
 * XML-RPC reads). Anything else, a cycle, or a character XML 1.0 cannot carry is an
 * {@code IllegalArgumentException} naming the parameter.
 */
final class XmlRpcRequestWriter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");

    private final StringBuilder xml = new StringBuilder(256);
    private final IdentityHashMap<Object, Boolean> open = new IdentityHashMap<>();

    private XmlRpcRequestWriter() {
    }

    /** The request body calling {@code method} with {@code params}. */
    static byte[] methodCall(String method, List<?> params) {
        XmlRpcRequestWriter writer = new XmlRpcRequestWriter();
        writer.xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<methodCall>\n<methodName>");
        writer.text(method, "methodName");
        writer.xml.append("</methodName>\n<params>\n");
        for (int i = 0; i < params.size(); i++) {
            writer.xml.append("<param>");
            writer.value(params.get(i), "param " + (i + 1) + " of " + method);
            writer.xml.append("</param>\n");
        }
        writer.xml.append("</params>\n</methodCall>\n");
        return writer.xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void value(Object value, String where) {
        xml.append("<value>");
        if (value == null) {
            xml.append("<nil/>");
        } else if (value instanceof String text) {
            xml.append("<string>");
            text(text, where);
            xml.append("</string>");
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            scalar("int", value.toString());
        } else if (value instanceof Long number) {
            scalar(number == number.intValue() ? "int" : "i8", number.toString());
        } else if (value instanceof Boolean bool) {
            scalar("boolean", bool ? "1" : "0");
        } else if (value instanceof Double || value instanceof Float) {
            scalar("double", Double.toString(((Number) value).doubleValue()));
        } else if (value instanceof byte[] bytes) {
            scalar("base64", Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof LocalDateTime time) {
            scalar("dateTime.iso8601", DATE_TIME.format(time));
        } else if (value instanceof Map<?, ?> map) {
            enter(value, where);
            xml.append("<struct>");
            for (Map.Entry<?, ?> member : map.entrySet()) {
                if (!(member.getKey() instanceof String name)) {
                    throw new IllegalArgumentException(where + ": struct key " + member.getKey()
                            + " (expected: a String)");
                }
                xml.append("<member><name>");
                text(name, where);
                xml.append("</name>");
                value(member.getValue(), where + "." + name);
                xml.append("</member>");
            }
            xml.append("</struct>");
            open.remove(value);
        } else if (value instanceof Collection<?> || value instanceof Object[]) {
            enter(value, where);
            Collection<?> items = value instanceof Object[] array ? Arrays.asList(array) : (Collection<?>) value;
            xml.append("<array><data>");
            int index = 0;
            for (Object item : items) {
                value(item, where + "[" + index++ + "]");
            }
            xml.append("</data></array>");
            open.remove(value);
        } else {
            throw new IllegalArgumentException(where + ": a " + value.getClass().getName() + " (expected: String, "
                    + "Integer, Long, Boolean, Double, byte[], LocalDateTime, Map, Collection, Object[] or null)");
        }
        xml.append("</value>");
    }

    private void scalar(String tag, String text) {
        xml.append('<').append(tag).append('>').append(text).append("</").append(tag).append('>');
    }

    private void enter(Object container, String where) {
        if (open.put(container, Boolean.TRUE) != null) {
            throw new IllegalArgumentException(where + ": contains itself (expected: no cycle)");
        }
    }

    /** Escapes markup; refuses what XML 1.0 cannot carry rather than altering the caller's text. */
    private void text(String text, String where) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&') {
                xml.append("&amp;");
            } else if (c == '<') {
                xml.append("&lt;");
            } else if (c == '>') {
                xml.append("&gt;");
            } else if (c == '\r') {
                xml.append("&#13;");
            } else if (c == '\t' || c == '\n' || (c >= 0x20 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE)) {
                xml.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                xml.append(c).append(text.charAt(++i));
            } else {
                throw new IllegalArgumentException(where + ": character U+" + String.format("%04X", (int) c)
                        + " at index " + i + " (expected: characters that XML 1.0 can carry)");
            }
        }
    }
}
