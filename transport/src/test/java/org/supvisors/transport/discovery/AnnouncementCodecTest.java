package org.supvisors.transport.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supvisors.core.instance.InstanceIdentity;

class AnnouncementCodecTest {

    private static final Announcement SERVER = new Announcement(
            new InstanceIdentity("supv01:60000", "server_1", "supv01", 60000), List.of("@SERVER", "@ALL"));

    @Test
    void an_announcement_is_written_as_python_json_dumps_writes_it() {
        assertThat(new String(AnnouncementCodec.encode(SERVER), StandardCharsets.US_ASCII)).isEqualTo(
                "[4, {\"identifier\": \"supv01:60000\", \"nick_identifier\": \"server_1\", \"host_id\": \"supv01\","
                        + " \"http_port\": 60000, \"stereotypes\": [\"@SERVER\", \"@ALL\"]}]");
    }

    @Test
    void an_announcement_is_read_back_as_written() throws Exception {
        assertThat(decode(new String(AnnouncementCodec.encode(SERVER), StandardCharsets.US_ASCII))).isEqualTo(SERVER);
    }

    @Test
    void non_ascii_names_are_escaped_as_python_does_and_read_back() throws Exception {
        Announcement accented = new Announcement(new InstanceIdentity("hôte:9001", "nœud", "hôte", 9001),
                List.of("@ÉTÉ"));
        String text = new String(AnnouncementCodec.encode(accented), StandardCharsets.US_ASCII);
        assertThat(text).contains("\"h\\u00f4te:9001\"", "\"n\\u0153ud\"", "\"@\\u00c9T\\u00c9\"");
        assertThat(decode(text)).isEqualTo(accented);
    }

    @Test
    void a_datagram_of_python_with_other_whitespace_and_key_order_and_utf8_text_is_read() throws Exception {
        Announcement read = decode("[4,{\"stereotypes\":[],\"http_port\":9001,\"host_id\":\"h1\",\n"
                + "\"nick_identifier\":\"h\u00e9\",\"identifier\":\"h1:9001\"}]  ");
        assertThat(read).isEqualTo(new Announcement(new InstanceIdentity("h1:9001", "h\u00e9", "h1", 9001), List.of()));
    }

    @Test
    void a_nickname_taken_from_a_supervisord_identifier_with_spaces_is_read_back() throws Exception {
        Announcement spaced = new Announcement(new InstanceIdentity("h1:9001", "my server", "h1", 9001), List.of());
        assertThat(decode(new String(AnnouncementCodec.encode(spaced), StandardCharsets.US_ASCII))).isEqualTo(spaced);
    }

    @Test
    void an_announcement_that_would_not_be_read_back_is_refused_when_written() {
        Announcement spacedStereotype = new Announcement(new InstanceIdentity("h1:9001", "h1", "h1", 9001),
                List.of("a b"));
        assertThatThrownBy(() -> AnnouncementCodec.encode(spacedStereotype))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stereotype a b");
        Announcement tabbedNick = new Announcement(new InstanceIdentity("h1:9001", "a\tb", "h1", 9001), List.of());
        assertThatThrownBy(() -> AnnouncementCodec.encode(tabbedNick))
                .hasMessageContaining("nick_identifier \"a\tb\" (expected: no control character)");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            many.add("@S" + i);
        }
        assertThatThrownBy(() -> AnnouncementCodec.encode(new Announcement(SERVER.identity(), many)))
                .hasMessageContaining("65 stereotypes (expected: at most 64)");
    }

    @Test
    void malformed_datagrams_are_refused_with_the_reason() {
        String body = "\"identifier\": \"h1:9001\", \"nick_identifier\": \"h1\", \"host_id\": \"h1\","
                + " \"http_port\": 9001, \"stereotypes\": []";
        assertRefused("", "empty datagram");
        assertRefused("[4, {" + body + "}", "truncated JSON");
        assertRefused("[4, {" + body + "}] x", "unexpected text after the JSON value");
        assertRefused("{\"a\": 1}", "not a JSON array of 2 elements");
        assertRefused("[4, {" + body + "}, 5]", "not a JSON array of 2 elements");
        assertRefused("[0, {" + body + "}]", "header 0 (expected: 4, DISCOVERY)");
        assertRefused("[4.0, {" + body + "}]", "number that is not an integer");
        assertRefused("[4, [1]]", "body is not a JSON object");
        assertRefused("[4, {" + body + ", \"extra\": 1}]", "unknown key \"extra\"");
        assertRefused("[4, {" + body + ", \"host_id\": \"h1\"}]", "duplicate key \"host_id\"");
        assertRefused("[4, {" + body.replace("\"host_id\": \"h1\",", "") + "}]", "missing key \"host_id\"");
        assertRefused("[4, {" + body.replace("9001,", "\"9001\",") + "}]", "http_port 9001 (expected: an integer");
        assertRefused("[4, {" + body.replace("9001,", "70000,") + "}]", "http_port 70000");
        assertRefused("[4, {" + body.replace("\"h1:9001\"", "\"h2:9001\"") + "}]",
                "identifier \"h2:9001\" (expected: host_id:http_port, h1:9001)");
        assertRefused("[4, {" + body.replace("\"host_id\": \"h1\"", "\"host_id\": null") + "}]",
                "host_id null (expected: a non-empty string)");
        assertRefused("[4, {" + body.replace("\"h1\",", "\"h/1\",").replace("\"h1:9001\"", "\"h/1:9001\"") + "}]",
                "host_id \"h/1\"");
        assertRefused("[4, {" + body.replace("[]", "[\"\"]") + "}]", "stereotype  (expected: a non-empty string");
        assertRefused("[4, {" + body.replace("[]", "[1]") + "}]", "stereotype 1");
        assertRefused("[4, {" + body.replace("[]", "\"@S\"") + "}]", "stereotypes is not a JSON array");
        assertRefused("[4, {" + body.replace("\"h1\",", "\"h\u0001\",") + "}]", "control character U+0001");
        assertRefused("[4, {" + body.replace("\"h1\",", "\"h\\x\",") + "}]", "invalid escape '\\x'");
        assertRefused("[[[[[1]]]]]", "nesting deeper than 4 levels");
        assertRefused("[4, {" + body.replace("9001,", "09001,") + "}]", "number with a leading zero");
        assertRefused("[4, {" + body.replace("[]", "[tru]") + "}]", "invalid literal (expected: true)");
        assertRefused("[4, {" + body.replace("\"h1\",", "\"" + "h".repeat(1025) + "\",") + "}]",
                "string longer than 1024 characters");
    }

    @Test
    void datagrams_over_the_size_limit_or_not_utf8_are_refused() {
        ByteBuffer tooLarge = ByteBuffer.allocate(AnnouncementCodec.MAX_DATAGRAM_BYTES + 1);
        assertThatThrownBy(() -> AnnouncementCodec.decode(tooLarge)).isInstanceOf(MalformedAnnouncementException.class)
                .hasMessageContaining("datagram of 4097 bytes");
        assertThatThrownBy(() -> AnnouncementCodec.decode(ByteBuffer.wrap(new byte[] {'[', (byte) 0xff, ']'})))
                .hasMessage("not UTF-8 text");
    }

    @Test
    void an_array_of_too_many_elements_is_refused() {
        String numbers = "[" + "1,".repeat(300) + "1]";
        assertRefused(numbers, "array of more than 256 elements");
    }

    private static Announcement decode(String text) throws MalformedAnnouncementException {
        return AnnouncementCodec.decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertRefused(String text, String reason) {
        assertThatThrownBy(() -> decode(text)).as(text).isInstanceOf(MalformedAnnouncementException.class)
                .hasMessageContaining(reason);
    }
}
