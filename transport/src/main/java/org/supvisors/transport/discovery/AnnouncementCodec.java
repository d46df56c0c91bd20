package org.supvisors.transport.discovery;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.supvisors.core.instance.InstanceIdentity;

/**
 * The discovery datagram of Supvisors 0.19: UTF-8 JSON, no length prefix,
 * <pre>
 * [4, {"identifier": "host:60000", "nick_identifier": "nick", "host_id": "host", "http_port": 60000,
 *      "stereotypes": ["@SERVER"]}]
 * </pre>
 * ({@code 4} is the DISCOVERY header). Written as Python's {@code json.dumps} writes it (ASCII only, {@code ", "}
 * and {@code ": "} separators). Read strictly: exactly these five keys, the types above, an identifier that is
 * {@code host_id:http_port}, a host with the characters that {@code supvisors_list} allows, a nickname without
 * control characters, at most {@value #MAX_DATAGRAM_BYTES} bytes.
 */
public final class AnnouncementCodec {

    /** The header of a discovery datagram. */
    public static final int DISCOVERY_HEADER = 4;
    /** The largest datagram written or read. */
    public static final int MAX_DATAGRAM_BYTES = 4096;
    /** The most stereotypes an announcement may carry. */
    public static final int MAX_STEREOTYPES = 64;

    private static final Set<String> KEYS = Set.of("identifier", "nick_identifier", "host_id", "http_port",
            "stereotypes");
    /** {@code supvisors_list}'s host characters ({@code [\w\-.]+}). */
    private static final Pattern HOST = Pattern.compile("[\\w\\-.]+", Pattern.UNICODE_CHARACTER_CLASS);
    /**
     * A nickname: {@code supvisors_list} allows {@code [\w\-:.]+}, but without the list the nickname is supervisord's
     * {@code identifier}, which may hold any character; only control characters are refused.
     */
    private static final Pattern NICK = Pattern.compile("[^\\p{Cntrl}]+");
    /** A stereotype: any name without whitespace, comma or control character (the option is a list of names). */
    private static final Pattern STEREOTYPE = Pattern.compile("[^\\s,\\p{Cntrl}]+");

    private AnnouncementCodec() {
    }

    /**
     * The datagram of an announcement.
     *
     * @throws IllegalArgumentException when it would not be read back (a name with forbidden characters, too many
     *     stereotypes, more than {@value #MAX_DATAGRAM_BYTES} bytes)
     */
    public static byte[] encode(Announcement announcement) {
        InstanceIdentity identity = announcement.identity();
        StringBuilder json = new StringBuilder(128);
        json.append('[').append(DISCOVERY_HEADER).append(", {\"identifier\": ");
        string(json, identity.identifier());
        json.append(", \"nick_identifier\": ");
        string(json, identity.nickIdentifier());
        json.append(", \"host_id\": ");
        string(json, identity.hostId());
        json.append(", \"http_port\": ").append(identity.httpPort()).append(", \"stereotypes\": [");
        for (int i = 0; i < announcement.stereotypes().size(); i++) {
            if (i > 0) {
                json.append(", ");
            }
            string(json, announcement.stereotypes().get(i));
        }
        json.append("]}]");
        byte[] bytes = json.toString().getBytes(StandardCharsets.US_ASCII);
        try {
            decode(ByteBuffer.wrap(bytes));
        } catch (MalformedAnnouncementException e) {
            throw new IllegalArgumentException("discovery announcement of " + announcement + ": " + e.getMessage()
                    + " (expected: what the multicast group members accept)", e);
        }
        return bytes;
    }

    /** The announcement that a datagram holds (from its position to its limit). */
    public static Announcement decode(ByteBuffer datagram) throws MalformedAnnouncementException {
        int size = datagram.remaining();
        if (size > MAX_DATAGRAM_BYTES) {
            throw new MalformedAnnouncementException("datagram of " + size + " bytes (expected: at most "
                    + MAX_DATAGRAM_BYTES + ")");
        }
        if (size == 0) {
            throw new MalformedAnnouncementException("empty datagram");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(datagram.duplicate()).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedAnnouncementException("not UTF-8 text");
        }
        Object value = BoundedJson.parse(text);
        if (!(value instanceof List) || ((List<?>) value).size() != 2) {
            throw new MalformedAnnouncementException("not a JSON array of 2 elements (expected: [4, {...}])");
        }
        List<?> message = (List<?>) value;
        if (!Long.valueOf(DISCOVERY_HEADER).equals(message.get(0))) {
            throw new MalformedAnnouncementException("header " + message.get(0) + " (expected: " + DISCOVERY_HEADER
                    + ", DISCOVERY)");
        }
        if (!(message.get(1) instanceof Map)) {
            throw new MalformedAnnouncementException("body is not a JSON object");
        }
        Map<?, ?> body = (Map<?, ?>) message.get(1);
        for (Object key : body.keySet()) {
            if (!KEYS.contains(key)) {
                throw new MalformedAnnouncementException("unknown key \"" + key + "\" (expected: " + KEYS + ")");
            }
        }
        String identifier = text(body, "identifier");
        String nick = text(body, "nick_identifier");
        String host = text(body, "host_id");
        if (!HOST.matcher(host).matches()) {
            throw new MalformedAnnouncementException("host_id \"" + host + "\" (expected: letters, digits, '_', '-'"
                    + " or '.')");
        }
        if (!NICK.matcher(nick).matches()) {
            throw new MalformedAnnouncementException("nick_identifier \"" + nick + "\" (expected: no control"
                    + " character)");
        }
        Object port = required(body, "http_port");
        if (!(port instanceof Long) || (Long) port < 1 || (Long) port > 65535) {
            throw new MalformedAnnouncementException("http_port " + port + " (expected: an integer in [1;65535])");
        }
        int httpPort = ((Long) port).intValue();
        if (!identifier.equals(host + ":" + httpPort)) {
            throw new MalformedAnnouncementException("identifier \"" + identifier + "\" (expected: host_id:http_port,"
                    + " " + host + ":" + httpPort + ")");
        }
        Object list = required(body, "stereotypes");
        if (!(list instanceof List)) {
            throw new MalformedAnnouncementException("stereotypes is not a JSON array");
        }
        List<?> stereotypes = (List<?>) list;
        if (stereotypes.size() > MAX_STEREOTYPES) {
            throw new MalformedAnnouncementException(stereotypes.size() + " stereotypes (expected: at most "
                    + MAX_STEREOTYPES + ")");
        }
        for (Object stereotype : stereotypes) {
            if (!(stereotype instanceof String) || !STEREOTYPE.matcher((String) stereotype).matches()) {
                throw new MalformedAnnouncementException("stereotype " + stereotype + " (expected: a non-empty"
                        + " string without whitespace, comma or control character)");
            }
        }
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) stereotypes;
        return new Announcement(new InstanceIdentity(identifier, nick, host, httpPort), names);
    }

    private static Object required(Map<?, ?> body, String key) throws MalformedAnnouncementException {
        Object value = body.get(key);
        if (value == null) {
            throw new MalformedAnnouncementException("missing key \"" + key + "\"");
        }
        return value;
    }

    private static String text(Map<?, ?> body, String key) throws MalformedAnnouncementException {
        Object value = required(body, key);
        if (!(value instanceof String) || ((String) value).isEmpty()) {
            throw new MalformedAnnouncementException(key + " " + value + " (expected: a non-empty string)");
        }
        return (String) value;
    }

    /** A JSON string as Python writes it by default: ASCII only, {@code \\uXXXX} beyond. */
    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"': json.append("\\\""); break;
                case '\\': json.append("\\\\"); break;
                case '\n': json.append("\\n"); break;
                case '\r': json.append("\\r"); break;
                case '\t': json.append("\\t"); break;
                case '\b': json.append("\\b"); break;
                case '\f': json.append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
            }
        }
        json.append('"');
    }
}
