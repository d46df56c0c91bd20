package org.supvisors.transport.xmlrpc;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

/**
 * Encodes XML-RPC documents the way Python's {@code xmlrpc.client.dumps} does (the layout Supervisor answers with:
 * same line breaks, {@code <string>} tags, {@code <int>} for 32-bit integers, base64 in 76-character lines), with
 * these deliberate differences:
 * <ul>
 *   <li>a {@code Long} beyond 32 bits is written as {@code <i8>} (Python refuses it);</li>
 *   <li>doubles never use exponent notation ({@code 1e+20} is written {@code 100000000000000000000.0});
 *       non-finite ones are {@code nan}, {@code inf}, {@code -inf} as Python's {@code float()} reads them;</li>
 *   <li>a carriage return is written {@code &#13;} so that it survives XML line-end normalisation, and characters
 *       that XML 1.0 cannot carry (control characters, lone surrogates) become U+FFFD;</li>
 *   <li>{@code java.util.Date} is written in UTC.</li>
 * </ul>
 * Accepted Java types: those of {@link RpcMethod}, plus {@code Short}, {@code Byte}, {@code Float}, any
 * {@code Collection} or {@code Object[]} as an array. Anything else is an {@code IllegalArgumentException}.
 */
final class XmlRpcWriter {

    private static final String HEADER = "<?xml version='1.0'?>\n";
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, new byte[] {'\n'});

    private final Out out;

    private XmlRpcWriter(Out out) {
        this.out = out;
    }

    /** A {@code methodResponse} carrying {@code value}. */
    static String response(Object value) {
        StringOut text = new StringOut();
        new XmlRpcWriter(text).writeResponse(value);
        return text.builder.toString();
    }

    /**
     * A {@code methodResponse} carrying {@code value}, written as UTF-8 straight into a buffer of {@code allocator}
     * (no intermediate string: a large answer costs its bytes once). The caller owns the buffer.
     */
    static ByteBuf response(Object value, ByteBufAllocator allocator) {
        ByteBuf buffer = allocator.buffer(1024);
        try {
            new XmlRpcWriter(new BufferOut(buffer)).writeResponse(value);
            return buffer;
        } catch (RuntimeException e) {
            buffer.release();
            throw e;
        }
    }

    private void writeResponse(Object value) {
        out.append(HEADER).append("<methodResponse>\n<params>\n<param>\n");
        value(value, 0);
        out.append("</param>\n</params>\n</methodResponse>\n");
    }

    /** A {@code methodResponse} carrying a fault. */
    static String fault(int code, String faultString) {
        StringOut text = new StringOut();
        XmlRpcWriter writer = new XmlRpcWriter(text);
        writer.out.append(HEADER).append("<methodResponse>\n<fault>\n");
        writer.value(faultStruct(code, faultString), 0);
        writer.out.append("</fault>\n</methodResponse>\n");
        return text.builder.toString();
    }

    /** A {@code methodCall}. */
    static String call(String methodName, List<?> params) {
        StringOut text = new StringOut();
        XmlRpcWriter writer = new XmlRpcWriter(text);
        writer.out.append(HEADER).append("<methodCall>\n<methodName>");
        writer.escape(methodName);
        writer.out.append("</methodName>\n<params>\n");
        for (Object param : params) {
            writer.out.append("<param>\n");
            writer.value(param, 0);
            writer.out.append("</param>\n");
        }
        writer.out.append("</params>\n</methodCall>\n");
        return text.builder.toString();
    }

    /** The struct of a fault, as a fault body and as an inline {@code system.multicall} result. */
    static Map<String, Object> faultStruct(int code, String faultString) {
        Map<String, Object> struct = new LinkedHashMap<>(4);
        struct.put("faultCode", code);
        struct.put("faultString", faultString);
        return struct;
    }

    private void value(Object value, int depth) {
        if (depth > XmlRpcReader.MAX_DEPTH) {
            throw new IllegalArgumentException("value nesting: more than " + XmlRpcReader.MAX_DEPTH
                    + " levels (expected: at most " + XmlRpcReader.MAX_DEPTH + "; a cycle?)");
        }
        if (value == null) {
            out.append("<value><nil/></value>");
        } else if (value instanceof String text) {
            out.append("<value><string>");
            escape(text);
            out.append("</string></value>\n");
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.append("<value><int>").append(Integer.toString(((Number) value).intValue()))
                    .append("</int></value>\n");
        } else if (value instanceof Long number) {
            String tag = number == number.intValue() ? "int" : "i8";
            out.append("<value><").append(tag).append('>').append(Long.toString(number.longValue()))
                    .append("</").append(tag).append("></value>\n");
        } else if (value instanceof Boolean bool) {
            out.append("<value><boolean>").append(bool ? '1' : '0').append("</boolean></value>\n");
        } else if (value instanceof Double || value instanceof Float) {
            out.append("<value><double>").append(plain(((Number) value).doubleValue()))
                    .append("</double></value>\n");
        } else if (value instanceof Map<?, ?> map) {
            struct(map, depth);
        } else if (value instanceof Collection<?> collection) {
            array(collection, depth);
        } else if (value instanceof Object[] array) {
            array(List.of(array), depth);
        } else if (value instanceof byte[] bytes) {
            out.append("<value><base64>\n");
            if (bytes.length > 0) {
                out.append(BASE64.encodeToString(bytes)).append('\n');
            }
            out.append("</base64></value>\n");
        } else if (value instanceof Date date) {
            out.append("<value><dateTime.iso8601>").append(DATE_TIME.format(date.toInstant()))
                    .append("</dateTime.iso8601></value>\n");
        } else {
            throw new IllegalArgumentException("value type: " + value.getClass().getName() + " (expected: String, "
                    + "Integer, Long, Boolean, Double, byte[], Date, List, Map<String, ?> or null)");
        }
    }

    private void struct(Map<?, ?> map, int depth) {
        out.append("<value><struct>\n");
        for (Map.Entry<?, ?> member : map.entrySet()) {
            if (!(member.getKey() instanceof String name)) {
                throw new IllegalArgumentException("struct key: " + member.getKey() + " (expected: a String)");
            }
            out.append("<member>\n<name>");
            escape(name);
            out.append("</name>\n");
            value(member.getValue(), depth + 1);
            out.append("</member>\n");
        }
        out.append("</struct></value>\n");
    }

    private void array(Collection<?> items, int depth) {
        out.append("<value><array><data>\n");
        for (Object item : items) {
            value(item, depth + 1);
        }
        out.append("</data></array></value>\n");
    }

    private void escape(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                case '\t', '\n' -> out.append(c);
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c) && i + 1 < length
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(text.subSequence(i, i + 2));
                        i++;
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** Where the writer writes: characters, as a string or as UTF-8 bytes. */
    private interface Out {
        Out append(CharSequence text);

        Out append(char c);
    }

    private static final class StringOut implements Out {
        final StringBuilder builder = new StringBuilder(256);

        @Override
        public Out append(CharSequence text) {
            builder.append(text);
            return this;
        }

        @Override
        public Out append(char c) {
            builder.append(c);
            return this;
        }
    }

    private static final class BufferOut implements Out {
        private final ByteBuf buffer;

        BufferOut(ByteBuf buffer) {
            this.buffer = buffer;
        }

        @Override
        public Out append(CharSequence text) {
            ByteBufUtil.writeUtf8(buffer, text);
            return this;
        }

        @Override
        public Out append(char c) {
            if (c < 0x80) {
                buffer.writeByte(c);
            } else {
                ByteBufUtil.writeUtf8(buffer, String.valueOf(c));
            }
            return this;
        }
    }

    /** A double in plain decimal notation with at least one fractional digit, as Python's repr without exponent. */
    static String plain(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        String text = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return text.indexOf('.') < 0 ? text + ".0" : text;
    }
}
