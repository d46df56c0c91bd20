package org.supvisors.transport.peer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * The body of a peer frame: one wire value of {@link org.supvisors.core.peer.PeerCodec} ({@code null},
 * {@code Boolean}, {@code Integer}, {@code Long}, {@code Double}, {@code String}, {@code List}, {@code Map} with
 * {@code String} keys) in a compact tagged binary form:
 * <pre>
 * tag   payload                                                      value
 * 0x00  -                                                            null
 * 0x01  -                                                            Boolean.FALSE
 * 0x02  -                                                            Boolean.TRUE
 * 0x03  zigzag varint, 1 to 5 bytes                                  Integer
 * 0x04  zigzag varint, 1 to 10 bytes                                 Long
 * 0x05  8 bytes, IEEE 754 binary64, big-endian                       Double
 * 0x06  varint n, then n bytes of UTF-8                              String
 * 0x07  varint n, then n values                                      List (ArrayList)
 * 0x08  varint n, then n times (varint k, k bytes of UTF-8, value)   Map (LinkedHashMap, keys unique)
 * </pre>
 * A varint is the unsigned LEB128 form (7 bits a byte, least significant group first, high bit set on every byte
 * but the last); zigzag maps signed to unsigned ({@code 0, -1, 1, -2} become {@code 0, 1, 2, 3}).
 *
 * <p>Reading trusts nothing: a count or a length is checked against the bytes left in the body before anything is
 * allocated, nesting stops at {@value #MAX_DEPTH} levels, a body holds at most {@value #MAX_VALUES} values, UTF-8
 * must be well-formed, a map key may not repeat, and the value must end exactly where the body does.
 */
final class WireValues {

    /** Lists and maps nested deeper than this are refused (the messages of the protocol nest 5 levels at most). */
    static final int MAX_DEPTH = 32;
    /** Values in one body, containers included (a handshake reply of 10,000 processes holds about 250,000). */
    static final int MAX_VALUES = 1 << 20;

    private static final int NULL = 0x00;
    private static final int FALSE = 0x01;
    private static final int TRUE = 0x02;
    private static final int INT = 0x03;
    private static final int LONG = 0x04;
    private static final int DOUBLE = 0x05;
    private static final int STRING = 0x06;
    private static final int LIST = 0x07;
    private static final int MAP = 0x08;

    private WireValues() {
    }

    /** A body that is not one well-formed value: says where and what was expected. */
    static final class MalformedBodyException extends Exception {
        MalformedBodyException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Appends {@code value} to {@code out}.
     *
     * @throws IllegalArgumentException naming the place of a value of another type, a non-string key, or nesting
     *     deeper than {@value #MAX_DEPTH}
     */
    static void write(ByteBuf out, Object value) {
        write(out, value, "body", 0);
    }

    private static void write(ByteBuf out, Object value, String where, int depth) {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Boolean) {
            out.writeByte((Boolean) value ? TRUE : FALSE);
        } else if (value instanceof Integer) {
            out.writeByte(INT);
            writeVarint(out, zigzag((Integer) value));
        } else if (value instanceof Long) {
            out.writeByte(LONG);
            writeVarint(out, zigzag((Long) value));
        } else if (value instanceof Double) {
            out.writeByte(DOUBLE);
            out.writeDouble((Double) value);
        } else if (value instanceof String) {
            out.writeByte(STRING);
            writeString(out, (String) value);
        } else if (value instanceof List) {
            checkDepth(where, depth);
            List<?> list = (List<?>) value;
            out.writeByte(LIST);
            writeVarint(out, list.size());
            int index = 0;
            for (Object item : list) {
                write(out, item, where + "[" + index++ + "]", depth + 1);
            }
        } else if (value instanceof Map) {
            checkDepth(where, depth);
            Map<?, ?> map = (Map<?, ?>) value;
            out.writeByte(MAP);
            writeVarint(out, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    throw new IllegalArgumentException(where + ": key " + entry.getKey() + " (expected: a string)");
                }
                String key = (String) entry.getKey();
                writeString(out, key);
                write(out, entry.getValue(), where + "." + key, depth + 1);
            }
        } else {
            throw new IllegalArgumentException(where + ": " + value.getClass().getName() + " (expected: null, "
                    + "Boolean, Integer, Long, Double, String, List or Map)");
        }
    }

    private static void checkDepth(String where, int depth) {
        if (depth >= MAX_DEPTH) {
            throw new IllegalArgumentException(where + ": nested " + (depth + 1) + " levels deep (expected: at most "
                    + MAX_DEPTH + ")");
        }
    }

    private static void writeString(ByteBuf out, String text) {
        int length = ByteBufUtil.utf8Bytes(text);
        writeVarint(out, length);
        ByteBufUtil.reserveAndWriteUtf8(out, text, length);
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static void writeVarint(ByteBuf out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.writeByte((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.writeByte((int) rest);
    }

    /**
     * Reads the one value that {@code body} holds, all of its readable bytes.
     *
     * @throws MalformedBodyException naming the byte offset, the place and what was expected
     */
    static Object read(ByteBuf body) throws MalformedBodyException {
        Reader reader = new Reader(body);
        Object value = reader.value("body", 0);
        if (body.isReadable()) {
            throw reader.malformed("body", body.readableBytes() + " bytes after the value (expected: none)");
        }
        return value;
    }

    /** One read: the buffer, its start (offsets in errors are from there) and the values counted so far. */
    private static final class Reader {
        private final ByteBuf in;
        private final int start;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private int values;

        Reader(ByteBuf in) {
            this.in = in;
            this.start = in.readerIndex();
        }

        Object value(String where, int depth) throws MalformedBodyException {
            if (++values > MAX_VALUES) {
                throw malformed(where, "more than " + MAX_VALUES + " values (expected: at most " + MAX_VALUES + ")");
            }
            need(where, 1, "a tag");
            int tag = in.readUnsignedByte();
            switch (tag) {
                case NULL:
                    return null;
                case FALSE:
                    return Boolean.FALSE;
                case TRUE:
                    return Boolean.TRUE;
                case INT:
                    long unsigned = varint(where, 5);
                    if (unsigned >>> 32 != 0) {
                        throw malformed(where, "integer varint beyond 32 bits (expected: an Integer)");
                    }
                    return (int) unzigzag(unsigned);
                case LONG:
                    return unzigzag(varint(where, 10));
                case DOUBLE:
                    need(where, 8, "a double of 8 bytes");
                    return in.readDouble();
                case STRING:
                    return string(where);
                case LIST:
                    return list(where, depth);
                case MAP:
                    return map(where, depth);
                default:
                    throw malformed(where, "tag 0x" + Integer.toHexString(tag) + " (expected: 0x00 to 0x08)");
            }
        }

        private List<Object> list(String where, int depth) throws MalformedBodyException {
            enter(where, depth);
            int count = count(where, 1);
            List<Object> list = new ArrayList<>(Math.min(count, 64));
            for (int i = 0; i < count; i++) {
                list.add(value(where + "[" + i + "]", depth + 1));
            }
            return list;
        }

        private Map<String, Object> map(String where, int depth) throws MalformedBodyException {
            enter(where, depth);
            int count = count(where, 2);
            Map<String, Object> map = new LinkedHashMap<>(Math.min(count, 64) * 2);
            for (int i = 0; i < count; i++) {
                String key = string(where + ".<key " + i + ">");
                if (map.containsKey(key)) {
                    throw malformed(where, "key " + key + " repeated (expected: unique keys)");
                }
                map.put(key, value(where + "." + key, depth + 1));
            }
            return map;
        }

        private void enter(String where, int depth) throws MalformedBodyException {
            if (depth >= MAX_DEPTH) {
                throw malformed(where, "nested " + (depth + 1) + " levels deep (expected: at most " + MAX_DEPTH
                        + ")");
            }
        }

        /** A count of items taking at least {@code minBytes} each: never more than the bytes left allow. */
        private int count(String where, int minBytes) throws MalformedBodyException {
            long count = varint(where, 5);
            if (count > in.readableBytes() / minBytes) {
                throw malformed(where, "count " + count + " with " + in.readableBytes() + " bytes left (expected: at"
                        + " most " + in.readableBytes() / minBytes + ")");
            }
            return (int) count;
        }

        private String string(String where) throws MalformedBodyException {
            long length = varint(where, 5);
            if (length > in.readableBytes()) {
                throw malformed(where, "string of " + length + " bytes with " + in.readableBytes() + " bytes left");
            }
            int size = (int) length;
            ByteBuffer bytes = in.nioBuffer(in.readerIndex(), size);
            try {
                CharBuffer chars = utf8.reset().decode(bytes);
                in.skipBytes(size);
                return chars.toString();
            } catch (CharacterCodingException e) {
                throw malformed(where, "string of " + size + " bytes that is not UTF-8 (expected: well-formed UTF-8)");
            }
        }

        private long varint(String where, int maxBytes) throws MalformedBodyException {
            long result = 0;
            for (int i = 0; i < maxBytes; i++) {
                need(where, 1, "the rest of a varint");
                int b = in.readUnsignedByte();
                if (i == 9 && b > 1) {
                    throw malformed(where, "varint beyond 64 bits");
                }
                result |= (long) (b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw malformed(where, "varint longer than " + maxBytes + " bytes");
        }

        private void need(String where, int bytes, String what) throws MalformedBodyException {
            if (in.readableBytes() < bytes) {
                throw malformed(where, "body ends (expected: " + what + ")");
            }
        }

        MalformedBodyException malformed(String where, String problem) {
            return new MalformedBodyException(where + " at byte " + (in.readerIndex() - start) + ": " + problem);
        }
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }
}
