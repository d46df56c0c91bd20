package org.supvisors.transport.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class XmlRpcReaderTest {

    private static XmlRpcCall call(String xml) throws XmlRpcFormatException {
        return XmlRpcReader.readCall(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Object value(String valueXml) throws XmlRpcFormatException {
        List<Object> params = call("<methodCall><methodName>m.n</methodName><params><param>" + valueXml
                + "</param></params></methodCall>").params();
        assertThat(params).hasSize(1);
        return params.get(0);
    }

    /** The classic entity bomb: a billion "lol" once expanded (3 GB). */
    static String billionLaughs() {
        StringBuilder laughs = new StringBuilder("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" '").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("'>");
        }
        return laughs.append("]><methodCall><methodName>&lol9;</methodName></methodCall>").toString();
    }

    private static void assertRefused(String xml, String message) {
        assertThatThrownBy(() -> call(xml)).isInstanceOf(XmlRpcFormatException.class).hasMessageContaining(message);
    }

    @Test
    void scalar_types_decode_to_their_java_types() throws Exception {
        assertThat(value("<value>untyped</value>")).isEqualTo("untyped");
        assertThat(value("<value></value>")).isEqualTo("");
        assertThat(value("<value><string/></value>")).isEqualTo("");
        assertThat(value("<value><string> spaced &amp; &lt;&#65;&#x42;<![CDATA[<c>]]> </string></value>"))
                .isEqualTo(" spaced & <AB<c> ");
        assertThat(value("<value><int>-12</int></value>")).isEqualTo(-12);
        assertThat(value("<value><i4> +7 </i4></value>")).isEqualTo(7);
        assertThat(value("<value><i8>5</i8></value>")).isEqualTo(5);
        assertThat(value("<value><i8>-9223372036854775808</i8></value>")).isEqualTo(Long.MIN_VALUE);
        assertThat(value("<value><int>2147483648</int></value>")).isEqualTo(2147483648L);
        assertThat(value("<value><boolean>1</boolean></value>")).isEqualTo(true);
        assertThat(value("<value><boolean>0</boolean></value>")).isEqualTo(false);
        assertThat(value("<value><double>1.5</double></value>")).isEqualTo(1.5);
        assertThat(value("<value><double>1e+20</double></value>")).isEqualTo(1e20);
        assertThat(value("<value><double>-.5</double></value>")).isEqualTo(-0.5);
        assertThat(value("<value><double>nan</double></value>")).isEqualTo(Double.NaN);
        assertThat(value("<value><double>-inf</double></value>")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(value("<value><dateTime.iso8601>20240102T03:04:05</dateTime.iso8601></value>"))
                .isEqualTo(new Date(1_704_164_645_000L));
        assertThat(value("<value><dateTime.iso8601>2024-01-02T04:04:05+01:00</dateTime.iso8601></value>"))
                .isEqualTo(new Date(1_704_164_645_000L));
        assertThat(value("<value><dateTime.iso8601>2024-01-02T03:04:05.250Z</dateTime.iso8601></value>"))
                .isEqualTo(new Date(1_704_164_645_250L));
        assertThat((byte[]) value("<value><base64>\nAAEC\nAw==\n</base64></value>")).containsExactly(0, 1, 2, 3);
        assertThat(value("<value><nil/></value>")).isNull();
        assertThat(value("<value><ex:nil xmlns:ex='http://ws.apache.org/xmlrpc/namespaces/extensions'/></value>"))
                .isNull();
    }

    @Test
    void structs_and_arrays_nest_and_keep_member_order() throws Exception {
        Object decoded = value("<value><struct>"
                + "<member><name>z</name><value><array><data><value><i4>1</i4></value><value>two</value>"
                + "<value><array><data/></array></value></data></array></value></member>"
                + "<member><value><struct></struct></value><name>a</name></member>"
                + "<member><name>n</name><value><nil/></value></member>"
                + "</struct></value>");
        assertThat(decoded).isInstanceOf(Map.class);
        assertThat(List.copyOf(((Map<?, ?>) decoded).keySet())).isEqualTo(List.of("z", "a", "n"));
        assertThat(decoded).isEqualTo(new java.util.LinkedHashMap<>(Map.of("z", List.of(1, "two", List.of()),
                "a", Map.of())) {
            {
                put("n", null);
            }
        });
    }

    @Test
    void method_call_without_params_and_with_comments_and_whitespace_is_read() throws Exception {
        XmlRpcCall bare = call("<?xml version='1.0' encoding='UTF-8'?>\n<!-- hi --><methodCall>\n  <methodName> "
                + "supervisor.getState </methodName>\n</methodCall>\n");
        assertThat(bare).isEqualTo(new XmlRpcCall("supervisor.getState", List.of()));
        XmlRpcCall latin1 = XmlRpcReader.readCall(new ByteArrayInputStream(
                "<?xml version='1.0' encoding='ISO-8859-1'?><methodCall><methodName>a.b</methodName><params><param><value>\u00e9</value></param></params></methodCall>"
                        .getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(latin1.params()).containsExactly("é");
    }

    @Test
    void method_response_gives_its_value_or_throws_its_fault() throws Exception {
        assertThat(XmlRpcReader.readResponse(new ByteArrayInputStream(XmlRpcWriter.response(List.of("x"))
                .getBytes(StandardCharsets.UTF_8)))).isEqualTo(List.of("x"));
        assertThatThrownBy(() -> XmlRpcReader.readResponse(new ByteArrayInputStream(
                XmlRpcWriter.fault(10, "BAD_NAME: x").getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(RemoteFault.class, fault -> {
                    assertThat(fault.code()).isEqualTo(10);
                    assertThat(fault.faultString()).isEqualTo("BAD_NAME: x");
                });
    }

    @Test
    @Timeout(10)
    void doctype_entities_and_billion_laughs_are_refused_before_any_expansion() {
        assertRefused("<?xml version='1.0'?><!DOCTYPE methodCall [<!ENTITY a 'supervisor.getState'>]>"
                + "<methodCall><methodName>&a;</methodName></methodCall>", "DOCTYPE: refused");
        assertRefused("<!DOCTYPE methodCall SYSTEM 'http://10.255.255.1/never.dtd'><methodCall/>",
                "DOCTYPE: refused");
        assertRefused("<!DOCTYPE x [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]><methodCall><methodName>&xxe;"
                + "</methodName></methodCall>", "DOCTYPE: refused");
        assertRefused(billionLaughs(), "DOCTYPE: refused");
        assertRefused("<methodCall><methodName>&undeclared;</methodName></methodCall>",
                "The entity \"undeclared\" was referenced, but not declared.");
    }

    @Test
    void malformed_documents_are_refused_with_their_place() {
        assertRefused("<methodCall><methodName>x</methodCall>", "malformed XML at line 1, column ");
        assertRefused("<methodCall><methodName>x</methodName>", "malformed XML at line 1");
        assertRefused("", "malformed XML");
        assertRefused("\u0000\u0001garbage", "malformed XML");
        assertRefused("<methodCall><methodName>x</methodName></methodCall><second/>", "malformed XML");
        assertRefused("<methodResponse/>", "root element: <methodResponse> (expected: methodCall)");
        assertRefused("<methodCall><params/></methodCall>", "methodName: missing (expected: a method name)");
        assertRefused("<methodCall><methodName> </methodName></methodCall>", "methodName: empty");
        assertRefused("<methodCall><methodName>x</methodName><extra/></methodCall>",
                "methodCall: unexpected element <extra> (expected: methodName, params)");
        assertRefused("<methodCall>text<methodName>x</methodName></methodCall>", "text: \"text\" (expected: an "
                + "element)");
    }

    @Test
    void bad_values_are_refused_with_the_value_and_the_expectation() {
        assertRefused(param("<int>12a</int>"), "int: \"12a\" (expected: an integer of at most 64 bits) at line 1");
        assertRefused(param("<i8>9223372036854775808</i8>"), "i8: \"9223372036854775808\" (expected: an integer");
        assertRefused(param("<boolean>true</boolean>"), "boolean: \"true\" (expected: 0 or 1)");
        assertRefused(param("<double>1.5d</double>"), "double: \"1.5d\" (expected: a decimal number)");
        assertRefused(param("<dateTime.iso8601>2024</dateTime.iso8601>"), "dateTime.iso8601: \"2024\" (expected:");
        assertRefused(param("<dateTime.iso8601>20241302T00:00:00</dateTime.iso8601>"),
                "dateTime.iso8601: \"20241302T00:00:00\" (Invalid value for MonthOfYear");
        assertRefused(param("<base64>@@@</base64>"), "base64: Illegal base64 character");
        assertRefused(param("<float>1</float>"), "value type: float (expected: one of int, i4, i8, boolean");
        assertRefused(param("<int>1</int><int>2</int>"), "value: a second type element <int> (expected: one)");
        assertRefused(param("x<int>1</int>"), "value: text beside a typed element");
        assertRefused(param("<int><b/></int>"), "int: element <b> inside (expected: text only)");
        assertRefused(param("<struct><member><name>a</name></member></struct>"),
                "member: without value (expected: name and value)");
        assertRefused(param("<array><value>1</value></array>"), "array: <value> (expected: <data>)");
        assertRefused(param("<nil>x</nil>"), "nil: text inside (expected: empty)");
    }

    @Test
    void nesting_is_limited() throws Exception {
        int max = XmlRpcReader.MAX_DEPTH;
        assertThat(value("<value>" + "<array><data><value>".repeat(max) + "deep" + "</value></data></array>"
                .repeat(max) + "</value>")).isInstanceOf(List.class);
        assertRefused(param("<array><data><value>".repeat(max + 1) + "</value></data></array>".repeat(max + 1)),
                "value nesting: more than 100 levels (expected: at most 100)");
    }

    private static String param(String typed) {
        return "<methodCall><methodName>m.n</methodName><params><param><value>" + typed
                + "</value></param></params></methodCall>";
    }
}
