package org.supvisors.transport.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The whole pipeline, bytes in and bytes out: requests split at every byte, bad XML answered 400. */
class HttpServerInitializerTest {

    static RpcRegistry echo() {
        return new RpcRegistry().register(TestMethod.sync("test.echo", List.of(RpcParam.required("value",
                "string")), args -> args.get(0)));
    }

    private static final String ECHO = "<?xml version='1.0'?>\n<methodCall>\n<methodName>test.echo</methodName>\n"
            + "<params>\n<param>\n<value><string>é€😀 &amp; <![CDATA[<x>]]></string></value>\n</param>\n</params>\n"
            + "</methodCall>\n";
    private static final String ECHOED = "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n"
            + "<value><string>é€😀 &amp; &lt;x&gt;</string></value>\n</param>\n</params>\n</methodResponse>\n";

    @Test
    void a_request_split_at_every_byte_boundary_is_answered_once_and_whole() {
        EmbeddedServer server = new EmbeddedServer(echo(), Optional.empty(), Optional.empty(), 1 << 20);
        byte[] request = RawHttp.post(ECHO, "");

        for (int split = 1; split < request.length; split++) {
            String output = server.exchange(Arrays.copyOfRange(request, 0, split),
                    Arrays.copyOfRange(request, split, request.length));

            List<String[]> responses = EmbeddedServer.responses(output);
            assertThat(responses).as("split at %d", split).hasSize(1);
            assertThat(responses.get(0)[0]).startsWith("HTTP/1.1 200 OK").contains("content-type: text/xml");
            assertThat(responses.get(0)[1]).isEqualTo(ECHOED);
        }
        assertThat(server.channel().isOpen()).isTrue();
    }

    @Test
    void a_chunked_request_split_at_every_byte_boundary_is_answered_once_and_whole() {
        EmbeddedServer server = new EmbeddedServer(echo(), Optional.empty(), Optional.empty(), 1 << 20);
        byte[] body = ECHO.getBytes(StandardCharsets.UTF_8);
        int half = body.length / 2;
        String head = "POST /RPC2 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        byte[] request = concat(head.getBytes(StandardCharsets.US_ASCII),
                (Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOfRange(body, 0, half),
                ("\r\n" + Integer.toHexString(body.length - half) + "\r\n").getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOfRange(body, half, body.length), "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        for (int split = 1; split < request.length; split++) {
            List<String[]> responses = EmbeddedServer.responses(server.exchange(
                    Arrays.copyOfRange(request, 0, split), Arrays.copyOfRange(request, split, request.length)));
            assertThat(responses).as("split at %d", split).hasSize(1);
            assertThat(responses.get(0)[1]).isEqualTo(ECHOED);
        }
    }

    @Test
    @Timeout(10)
    void hostile_or_malformed_xml_is_answered_400_and_the_connection_goes_on() {
        EmbeddedServer server = new EmbeddedServer(echo(), Optional.empty(), Optional.empty(), 1 << 20);
        String[][] cases = {
            {XmlRpcReaderTest.billionLaughs(), "400 malformed XML-RPC request: DOCTYPE: refused (expected: no document type "
                    + "declaration) at line 1, column "},
            {"<!DOCTYPE m SYSTEM 'http://10.255.255.1/x.dtd'><methodCall/>", "DOCTYPE: refused"},
            {"<methodCall><methodName>&ent;</methodName></methodCall>", "The entity \"ent\" was referenced"},
            {"<methodCall><methodName>x</methodName>", "400 malformed XML-RPC request: malformed XML at line 1"},
            {"not xml at all", "400 malformed XML-RPC request: malformed XML"},
            {"<methodCall><params/></methodCall>", "methodName: missing"},
        };
        for (String[] bad : cases) {
            List<String[]> responses = EmbeddedServer.responses(server.exchange(RawHttp.post(bad[0], "")));
            assertThat(responses).hasSize(1);
            assertThat(responses.get(0)[0]).startsWith("HTTP/1.1 400 Bad Request");
            assertThat(responses.get(0)[1]).contains(bad[1]).endsWith("\n").doesNotContain("Exception");
        }
        List<String[]> after = EmbeddedServer.responses(server.exchange(RawHttp.post(ECHO, "")));
        assertThat(after.get(0)[1]).isEqualTo(ECHOED);
    }

    @Test
    void a_request_that_is_not_http_is_answered_400_and_closed() {
        EmbeddedServer server = new EmbeddedServer(echo(), Optional.empty(), Optional.empty(), 1 << 20);
        String output = server.exchange("POST /RPC2 HTTP/1.1\r\nContent-Length: nope\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(output).startsWith("HTTP/1.1 400 Bad Request").contains("connection: close");
        assertThat(server.channel().isOpen()).isFalse();
    }

    static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        byte[] all = new byte[length];
        int index = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, index, part.length);
            index += part.length;
        }
        return all;
    }
}
