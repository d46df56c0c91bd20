package org.supvisors.transport.peer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.supvisors.core.instance.InstanceIdentity;

/**
 * The handshake of a peer link: who is at the other end, and does it know supervisord's credentials.
 * <pre>
 *   dialler (smaller identifier)                     acceptor
 *   SVPR, HELLO {identity, nonce Nd, credentials} -&gt;
 *                                                  &lt;- HELLO {identity, nonce Na, credentials}
 *   checks the identity it dialled, the gate
 *   PROOF {HMAC(K, D, Nd, A, Na)}               -&gt;
 *                                                     checks the gate, the address, then the proof
 *                                                  &lt;- PROOF {HMAC(K, A, Na, D, Nd)}
 *   checks the proof: authenticated                   authenticated
 * </pre>
 * Each side proves that it knows the key {@code K} with an HMAC-SHA256 over its own identifier and nonce, then the
 * other's (the order tells the two proofs apart, so that a proof cannot be reflected); the nonces are 32 random
 * bytes, fresh for each connection, so a proof cannot be replayed. {@code K} is derived from supervisord's user
 * name and password, which never cross the wire; without credentials, it is derived from nothing, and the same
 * exchange only carries the identities. The acceptor proves itself only to a dialler that proved itself first, so a
 * stranger never gets a proof to attack offline. A refusal sends {@code BYE {reason}} and closes; so does a side
 * closing a link, to tell the other why.
 */
final class Handshake {

    /** Kind code of the hello frame. */
    static final int HELLO = 0x40;
    /** Kind code of the proof frame. */
    static final int PROOF = 0x41;
    /** Kind code of the bye frame: the sender closes the link, and says why. */
    static final int BYE = 0x42;

    static final int NONCE_BYTES = 32;

    private static final String DOMAIN = "supvisors peer link v1";
    private static final String HMAC = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final boolean credentials;
    private final SecretKeySpec key;

    /** The key of these credentials (both absent = no credentials). */
    Handshake(Optional<String> username, Optional<String> password) {
        this.credentials = username.isPresent();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((DOMAIN + "\0key\0" + username.orElse("") + "\0" + password.orElse(""))
                    .getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(sha.digest(), HMAC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 not available in this JVM", e);
        }
    }

    boolean hasCredentials() {
        return credentials;
    }

    static byte[] nonce(SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }

    /** The proof of the prover to the verifier. */
    byte[] proof(String proverIdentifier, byte[] proverNonce, String verifierIdentifier, byte[] verifierNonce) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            for (byte[] part : new byte[][] {DOMAIN.getBytes(StandardCharsets.UTF_8),
                    proverIdentifier.getBytes(StandardCharsets.UTF_8), proverNonce,
                    verifierIdentifier.getBytes(StandardCharsets.UTF_8), verifierNonce}) {
                mac.update(new byte[] {(byte) (part.length >>> 24), (byte) (part.length >>> 16),
                    (byte) (part.length >>> 8), (byte) part.length});
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 not available in this JVM", e);
        }
    }

    /** True when {@code proof} is the prover's proof (compared in constant time). */
    boolean verify(byte[] proof, String proverIdentifier, byte[] proverNonce, String verifierIdentifier,
                   byte[] verifierNonce) {
        return MessageDigest.isEqual(proof, proof(proverIdentifier, proverNonce, verifierIdentifier, verifierNonce));
    }

    /** The body of a hello frame. */
    Map<String, Object> hello(InstanceIdentity identity, byte[] nonce) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identifier", identity.identifier());
        body.put("nick_identifier", identity.nickIdentifier());
        body.put("host_id", identity.hostId());
        body.put("http_port", identity.httpPort());
        body.put("nonce", HEX.formatHex(nonce));
        body.put("credentials", credentials);
        return body;
    }

    static Map<String, Object> proofBody(byte[] proof) {
        return Map.of("proof", HEX.formatHex(proof));
    }

    static Map<String, Object> byeBody(String reason) {
        return Map.of("reason", reason);
    }

    /**
     * What a hello says.
     *
     * @param identity the identity the sender claims
     * @param nonce its nonce
     * @param credentials whether credentials are configured on its side
     */
    record Hello(InstanceIdentity identity, byte[] nonce, boolean credentials) {

        /**
         * Reads a hello body.
         *
         * @throws IllegalArgumentException naming the field and what was expected
         */
        static Hello read(Object body) {
            Map<?, ?> map = struct(body, "hello");
            String identifier = string(map, "identifier");
            String hostId = string(map, "host_id");
            Object port = map.get("http_port");
            if (!(port instanceof Integer) || (Integer) port < 1 || (Integer) port > 65535) {
                throw new IllegalArgumentException("hello.http_port: " + port + " (expected: 1 to 65535)");
            }
            if (!identifier.equals(hostId + ":" + port)) {
                throw new IllegalArgumentException("hello.identifier: " + identifier + " (expected: host_id:http_port"
                        + " = " + hostId + ":" + port + ")");
            }
            InstanceIdentity identity = new InstanceIdentity(identifier, string(map, "nick_identifier"), hostId,
                    (Integer) port);
            return new Hello(identity, bytes(map, "hello.nonce", NONCE_BYTES), bool(map, "credentials"));
        }
    }

    /** Reads a proof body. */
    static byte[] readProof(Object body) {
        return bytes(struct(body, "proof"), "proof.proof", 32);
    }

    /** Reads a bye body; a reason that does not read is reported as such. */
    static String readBye(Object body) {
        if (body instanceof Map && ((Map<?, ?>) body).get("reason") instanceof String) {
            return (String) ((Map<?, ?>) body).get("reason");
        }
        return "no reason given";
    }

    private static Map<?, ?> struct(Object body, String what) {
        if (!(body instanceof Map)) {
            throw new IllegalArgumentException(what + ": " + describe(body) + " (expected: a map)");
        }
        return (Map<?, ?>) body;
    }

    private static String string(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof String) || ((String) value).isEmpty()) {
            throw new IllegalArgumentException("hello." + key + ": " + describe(value)
                    + " (expected: a non-empty string)");
        }
        return (String) value;
    }

    private static boolean bool(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof Boolean)) {
            throw new IllegalArgumentException("hello." + key + ": " + describe(value) + " (expected: a boolean)");
        }
        return (Boolean) value;
    }

    private static byte[] bytes(Map<?, ?> map, String where, int count) {
        Object value = map.get(where.substring(where.indexOf('.') + 1));
        if (value instanceof String && ((String) value).length() == 2 * count) {
            try {
                return HEX.parseHex((String) value);
            } catch (IllegalArgumentException e) {
                // described below
            }
        }
        throw new IllegalArgumentException(where + ": " + describe(value) + " (expected: " + count
                + " bytes in hexadecimal)");
    }

    private static String describe(Object value) {
        if (value == null) {
            return "missing";
        }
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
