package org.supvisors.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supvisors.client.XmlRpcResponseReader.MalformedResponse;
import org.supvisors.client.XmlRpcResponseReader.RemoteFault;

class XmlRpcResponseReaderTest {

    private static Object read(String xml) throws Exception {
        return XmlRpcResponseReader.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String response(String value) {
        return FakeAgent.response(value);
    }

    @Test
    void a_struct_as_python_writes_it_keeps_its_order_and_types() throws Exception {
        Object value = read("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><struct>\n"
                + "<member>\n<name>statename</name>\n<value><string>RUNNING</string></value>\n</member>\n"
                + "<member>\n<name>statecode</name>\n<value><int>20</int></value>\n</member>\n"
                + "<member>\n<name>expected</name>\n<value><boolean>1</boolean></value>\n</member>\n"
                + "<member>\n<name>now_monotonic</name>\n<value><double>1234.5</double></value>\n</member>\n"
                + "<member>\n<name>identifiers</name>\n<value><array><data>\n<value><string>a:1</string></value>\n"
                + "</data></array></value>\n</member>\n"
                + "<member>\n<name>spawnerr</name>\n<value><string></string></value>\n</member>\n"
                + "</struct></value>\n</param>\n</params>\n</methodResponse>\n");
        assertThat(value).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> struct = (Map<String, Object>) value;
        assertThat(struct.keySet()).containsExactly("statename", "statecode", "expected",
                "now_monotonic", "identifiers", "spawnerr");
        assertThat(struct).containsEntry("statecode", 20).containsEntry("expected", true)
                .containsEntry("now_monotonic", 1234.5).containsEntry("identifiers", List.of("a:1"))
                .containsEntry("spawnerr", "");
    }

    @Test
    void every_scalar_type_is_read() throws Exception {
        assertThat(read(response("<i4>-3</i4>"))).isEqualTo(-3);
        assertThat(read(response("<int> 7 </int>"))).isEqualTo(7);
        assertThat(read(response("<int>4294967296</int>"))).isEqualTo(4294967296L);
        assertThat(read(response("<i8>5</i8>"))).isEqualTo(5L);
        assertThat(read(response("<ex:i8 xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\">9</ex:i8>")))
                .isEqualTo(9L);
        assertThat(read(response("<boolean>0</boolean>"))).isEqualTo(false);
        assertThat(read(response("<double>-1.5e3</double>"))).isEqualTo(-1500.0);
        assertThat(read(response("<double>inf</double>"))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat((Double) read(response("<double>nan</double>"))).isNaN();
        assertThat(read(response("untyped &amp; text"))).isEqualTo("untyped & text");
        assertThat(read(response(""))).isEqualTo("");
        assertThat(read(response("<string/>"))).isEqualTo("");
        assertThat(read(response("<string><![CDATA[<raw>]]> &#233;&#13;</string>"))).isEqualTo("<raw> \u00e9\r");
        assertThat(read(response("<dateTime.iso8601>20240102T03:04:05</dateTime.iso8601>")))
                .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        assertThat((byte[]) read(response("<base64>AQID\nBA==</base64>"))).containsExactly(1, 2, 3, 4);
        assertThat(read(response("<nil/>"))).isNull();
        assertThat(read(response("<ex:nil xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\"/>")))
                .isNull();
        assertThat(read(response("<array><data></data></array>"))).isEqualTo(List.of());
        assertThat(read(response("<struct></struct>"))).isEqualTo(Map.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void structs_and_arrays_read_are_read_only() throws Exception {
        Object value = read(response("<array><data><value><struct><member><name>a</name><value><int>1</int></value>"
                + "</member></struct></value></data></array>"));
        assertThatThrownBy(() -> ((List<Object>) value).add(1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((Map<String, Object>) ((List<?>) value).get(0)).put("b", 2))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_fault_gives_its_code_and_string() {
        assertThatThrownBy(() -> read(FakeAgent.fault(10, "BAD_NAME: application=nope unknown to Supvisors")))
                .isInstanceOfSatisfying(RemoteFault.class, f -> {
                    assertThat(f.code).isEqualTo(10);
                    assertThat(f.faultString).isEqualTo("BAD_NAME: application=nope unknown to Supvisors");
                });
        assertThatThrownBy(() -> read("<methodResponse><fault><value><struct><member><name>faultCode</name>"
                + "<value><string>x</string></value></member></struct></value></fault></methodResponse>"))
                .isInstanceOf(MalformedResponse.class)
                .hasMessageContaining("(expected: a struct with an int faultCode and a string faultString)");
    }

    @Test
    void a_doctype_is_refused_before_any_entity_is_read_or_expanded(@TempDir Path directory) throws Exception {
        Path secret = directory.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String external = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>"
                + response("<string>&e;</string>").substring("<?xml version='1.0'?>".length());
        assertThatThrownBy(() -> read(external)).isInstanceOf(MalformedResponse.class)
                .hasMessageContaining("DOCTYPE refused").hasMessageNotContaining("TOP-SECRET");
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<methodResponse><params><param><value>&b;</value></param></params></methodResponse>";
        assertThatThrownBy(() -> read(laughs)).isInstanceOf(MalformedResponse.class)
                .hasMessageContaining("DOCTYPE refused");
        assertThatThrownBy(() -> read(response("<string>&undeclared;</string>")))
                .isInstanceOf(MalformedResponse.class);
    }

    @Test
    void malformed_documents_are_named_with_what_was_expected_and_where() {
        assertThatThrownBy(() -> read("not xml")).isInstanceOf(MalformedResponse.class)
                .hasMessageStartingWith("not well-formed XML");
        assertThatThrownBy(() -> read("<methodCall/>")).isInstanceOf(MalformedResponse.class)
                .hasMessageStartingWith("<methodCall> (expected: <methodResponse>) at line 1");
        assertThatThrownBy(() -> read("<methodResponse><params></params></methodResponse>"))
                .hasMessageStartingWith("<params> holds nothing (expected: one <param>)");
        assertThatThrownBy(() -> read(response("<int>x</int>")))
                .hasMessageStartingWith("int: \"x\" (expected: an integer of 64 bits at most)");
        assertThatThrownBy(() -> read(response("<boolean>true</boolean>")))
                .hasMessageStartingWith("boolean: \"true\" (expected: 0 or 1)");
        assertThatThrownBy(() -> read(response("<double>1,5</double>")))
                .hasMessageStartingWith("double: \"1,5\" (expected: a decimal number)");
        assertThatThrownBy(() -> read(response("<float>1</float>"))).hasMessageStartingWith("value: <float>");
        assertThatThrownBy(() -> read(response("<string>a<b/></string>")))
                .hasMessageStartingWith("string: element <b> inside (expected: text)");
        assertThatThrownBy(() -> read("<methodResponse><params><param><value>1</value></param><param><value>2"
                + "</value></param></params></methodResponse>"))
                .hasMessageStartingWith("<params> holds <param>, <param> (expected: one <param>)");
        assertThatThrownBy(() -> read(response("1") + "<more/>")).isInstanceOf(MalformedResponse.class)
                .hasMessageStartingWith("not well-formed XML: The markup in the document following the root element");
        assertThatThrownBy(() -> read(response("<struct><member><name>a</name></member></struct>")))
                .hasMessageStartingWith("member: without <value>");
        assertThatThrownBy(() -> read(response("<int>1</int><int>2</int>")))
                .hasMessageStartingWith("value: 2 type elements (expected: one)");
        assertThatThrownBy(() -> read("<methodResponse><params><param><value><string>cut"))
                .isInstanceOf(MalformedResponse.class);
    }

    @Test
    void nesting_beyond_the_bound_is_refused_without_exhausting_the_stack() throws Exception {
        int depth = XmlRpcResponseReader.MAX_DEPTH;
        assertThat(read(response("<array><data><value>".repeat(depth - 1) + "<array><data></data></array>"
                + "</value></data></array>".repeat(depth - 1)))).isInstanceOf(List.class);
        assertThatThrownBy(() -> read(response("<array><data><value>".repeat(depth) + "<array><data></data></array>"
                + "</value></data></array>".repeat(depth)))).isInstanceOf(MalformedResponse.class)
                .hasMessageStartingWith("value: nested more than " + depth + " levels deep");
        String deep = response("<array><data><value>".repeat(100_000));
        assertThatThrownBy(() -> read(deep)).isInstanceOf(MalformedResponse.class)
                .hasMessageStartingWith("elements nested more than ");
    }

    @Test
    void what_python_writes_is_read(@TempDir Path directory) throws Exception {
        Path out = directory.resolve("out.xml");
        String script = "import xmlrpc.client, sys\n"
                + "value = {'s': 'a<b>&\\r\\n\\u00e9', 'i': -5, 'f': 0.1, 'b': False, 'n': None,"
                + " 'l': [1, [2, {}]], 'bin': xmlrpc.client.Binary(b'\\x00\\xff')}\n"
                + "open(sys.argv[1], 'w').write(xmlrpc.client.dumps((value,), methodresponse=True, allow_none=True))\n"
                + "print('ok')\n";
        assertThat(XmlRpcRequestWriterTest.python(script, out)).isEqualTo("ok");
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) XmlRpcResponseReader.read(Files.readAllBytes(out));
        // Python writes a carriage return as is, and XML reads \r\n as \n (Python's own reader does too)
        assertThat(value).containsEntry("s", "a<b>&\n\u00e9").containsEntry("i", -5)
                .containsEntry("f", 0.1).containsEntry("b", false).containsEntry("n", null)
                .containsEntry("l", List.of(1, List.of(2, Map.of())));
        assertThat(Base64.getEncoder().encodeToString((byte[]) value.get("bin"))).isEqualTo("AP8=");

        Files.writeString(out, "");
        XmlRpcRequestWriterTest.python("import xmlrpc.client, sys\n"
                + "open(sys.argv[1], 'w').write(xmlrpc.client.dumps(xmlrpc.client.Fault(70, 'NOT_RUNNING: web')))\n"
                + "print('ok')\n", out);
        assertThatThrownBy(() -> XmlRpcResponseReader.read(Files.readAllBytes(out)))
                .isInstanceOfSatisfying(RemoteFault.class, f -> assertThat(f.code).isEqualTo(70));
    }
}
