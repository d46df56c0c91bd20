package org.supvisors.dist.cluster;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A hostile or clumsy peer on a plain socket to an agent port: it speaks the peer protocol from its description
 * (the javadoc of {@code PeerFrameDecoder}, {@code WireValues} and {@code Handshake}), written again here byte by
 * byte, so that it can send what a correct agent never would.
 */
final class RawPeerSocket implements AutoCloseable {

    static final byte[] MAGIC = "SVPR".getBytes(StandardCharsets.US_ASCII);
    static final int HELLO = 0x40;
    static final int PROOF = 0x41;
    static final int VERSION = 1;
    /** Bytes of a frame after its length field and before its body: version, kind, sequence. */
    static final int HEADER = 10;

    private static final String DOMAIN = "supvisors peer link v1";
    private static final HexFormat HEX = HexFormat.of();

    private final Socket socket = new Socket();
    private final DataInputStream in;
    private final OutputStream out;
    private long nextSequence;

    RawPeerSocket(int port) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** {@code 127.0.0.1:<local port>}: how the agent names this connection before it claims an identity. */
    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends the next frame of this connection and returns its bytes (to replay them). */
    byte[] frame(int kind, byte[] body) throws IOException {
        byte[] frame = frame(VERSION, kind, nextSequence++, body);
        send(frame);
        return frame;
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads one frame and returns its body as a map (the handshake frames are maps of strings). */
    Map<String, Object> readFrame(int expectedKind) throws IOException {
        int length = in.readInt();
        int version = in.readUnsignedByte();
        int kind = in.readUnsignedByte();
        in.readLong();
        byte[] body = new byte[length - HEADER];
        in.readFully(body);
        if (version != VERSION || kind != expectedKind) {
            throw new IOException("frame version " + version + " kind " + kind + " (expected: " + VERSION + ", "
                    + expectedKind + ")");
        }
        return readMap(ByteBuffer.wrap(body));
    }

    /** Reads until the agent closes the connection. */
    void awaitClose() throws IOException {
        try {
            while (in.read() >= 0) {
                // discarded
            }
        } catch (IOException reset) {
            // closed abruptly: closed all the same
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    // ---- the handshake

    /** The magic and a hello claiming {@code identifier}; returns the acceptor's hello. */
    Map<String, Object> hello(String identifier, String nick, int httpPort, byte[] nonce) throws IOException {
        send(MAGIC);
        Map<String, Object> acceptor = readFrame(HELLO);
        frame(HELLO, helloBody(identifier, nick, httpPort, nonce));
        return acceptor;
    }

    static byte[] helloBody(String identifier, String nick, int httpPort, byte[] nonce) {
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("identifier", identifier);
        hello.put("nick_identifier", nick);
        hello.put("host_id", "127.0.0.1");
        hello.put("http_port", httpPort);
        hello.put("nonce", HEX.formatHex(nonce));
        hello.put("credentials", true);
        return body(hello);
    }

    static byte[] proofBody(byte[] proof) {
        return body(Map.of("proof", HEX.formatHex(proof)));
    }

    static byte[] nonce() {
        byte[] nonce = new byte[32];
        new SecureRandom().nextBytes(nonce);
        return nonce;
    }

    static byte[] nonceOf(Map<String, Object> hello) {
        return HEX.parseHex((String) hello.get("nonce"));
    }

    /** HMAC-SHA256, keyed by the credentials, over the prover's identifier and nonce, then the verifier's. */
    static byte[] proof(String username, String password, String prover, byte[] proverNonce, String verifier,
                        byte[] verifierNonce) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest((DOMAIN + "\0key\0" + username + "\0" + password)
                    .getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : new byte[][] {DOMAIN.getBytes(StandardCharsets.UTF_8),
                    prover.getBytes(StandardCharsets.UTF_8), proverNonce, verifier.getBytes(StandardCharsets.UTF_8),
                    verifierNonce}) {
                mac.update(ByteBuffer.allocate(4).putInt(part.length).array());
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- frames and bodies, by hand

    /** A frame: length, version, kind, sequence, body. */
    static byte[] frame(int version, int kind, long sequence, byte[] body) {
        return ByteBuffer.allocate(4 + HEADER + body.length).putInt(HEADER + body.length).put((byte) version)
                .put((byte) kind).putLong(sequence).put(body).array();
    }

    /** The tagged binary form of a map of strings, integers and booleans. */
    static byte[] body(Map<String, Object> map) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0x08);
        varint(bytes, map.size());
        map.forEach((key, value) -> {
            string(bytes, key);
            if (value instanceof String) {
                bytes.write(0x06);
                string(bytes, (String) value);
            } else if (value instanceof Integer) {
                bytes.write(0x03);
                int v = (Integer) value;
                varint(bytes, (v << 1) ^ (v >> 31));
            } else if (value instanceof Boolean) {
                bytes.write((Boolean) value ? 0x02 : 0x01);
            } else {
                throw new IllegalArgumentException(key + ": " + value);
            }
        });
        return bytes.toByteArray();
    }

    private static void string(ByteArrayOutputStream bytes, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        varint(bytes, utf8.length);
        bytes.writeBytes(utf8);
    }

    private static void varint(ByteArrayOutputStream bytes, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            bytes.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        bytes.write((int) rest);
    }

    private static Map<String, Object> readMap(ByteBuffer body) throws IOException {
        if (body.get() != 0x08) {
            throw new IOException("body: not a map");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        long count = readVarint(body);
        for (long i = 0; i < count; i++) {
            String key = readString(body);
            int tag = body.get();
            switch (tag) {
                case 0x01:
                case 0x02:
                    map.put(key, tag == 0x02);
                    break;
                case 0x03:
                    long zigzag = readVarint(body);
                    map.put(key, (int) ((zigzag >>> 1) ^ -(zigzag & 1)));
                    break;
                case 0x06:
                    map.put(key, readString(body));
                    break;
                default:
                    throw new IOException("body: tag " + tag + " of " + key + " not read by this test");
            }
        }
        return map;
    }

    private static String readString(ByteBuffer body) {
        byte[] utf8 = new byte[(int) readVarint(body)];
        body.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static long readVarint(ByteBuffer body) {
        long value = 0;
        int shift = 0;
        while (true) {
            int b = body.get() & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
        }
    }
}
