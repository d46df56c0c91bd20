package org.supvisors.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlRpcRequestWriterTest {

    private static String write(String method, Object... params) {
        return new String(XmlRpcRequestWriter.methodCall(method, Arrays.asList(params)), StandardCharsets.UTF_8);
    }

    @Test
    void every_java_type_is_written_with_its_xml_rpc_tag() {
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("methodName", "supvisors.get_api_version");
        struct.put("params", List.of());
        String xml = write("system.multicall", "text", 5, (short) 6, (byte) 7, 8L, 1L << 40, true, false, 2.5, 1.5f,
                new byte[] {1, 2, 3}, LocalDateTime.of(2024, 1, 2, 3, 4, 5), struct, List.of(1, "a"),
                new Object[] {null});
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<methodCall>\n"
                + "<methodName>system.multicall</methodName>\n<params>\n");
        assertThat(xml).contains(
                "<param><value><string>text</string></value></param>",
                "<param><value><int>5</int></value></param>",
                "<param><value><int>6</int></value></param>",
                "<param><value><int>7</int></value></param>",
                "<param><value><int>8</int></value></param>",
                "<param><value><i8>1099511627776</i8></value></param>",
                "<param><value><boolean>1</boolean></value></param>",
                "<param><value><boolean>0</boolean></value></param>",
                "<param><value><double>2.5</double></value></param>",
                "<param><value><double>1.5</double></value></param>",
                "<param><value><base64>AQID</base64></value></param>",
                "<param><value><dateTime.iso8601>20240102T03:04:05</dateTime.iso8601></value></param>",
                "<param><value><struct><member><name>methodName</name><value><string>supvisors.get_api_version"
                        + "</string></value></member><member><name>params</name><value><array><data></data></array>"
                        + "</value></member></struct></value></param>",
                "<param><value><array><data><value><int>1</int></value><value><string>a</string></value></data>"
                        + "</array></value></param>",
                "<param><value><array><data><value><nil/></value></data></array></value></param>");
        assertThat(xml).endsWith("</params>\n</methodCall>\n");
    }

    @Test
    void markup_is_escaped_and_a_carriage_return_survives_xml_line_end_normalisation() {
        assertThat(write("m", "a<b>&c\r\nd\t\u00e9\uD83D\uDE00")).contains(
                "<string>a&lt;b&gt;&amp;c&#13;\nd\t\u00e9\uD83D\uDE00</string>");
    }

    @Test
    void a_character_xml_cannot_carry_is_refused_naming_the_parameter_and_the_index() {
        assertThatThrownBy(() -> write("supvisors.start_args", "x", "a\u0001b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("param 2 of supvisors.start_args: character U+0001 at index 1 (expected: characters that"
                        + " XML 1.0 can carry)");
        assertThatThrownBy(() -> write("m", "\uD800")).hasMessageContaining("U+D800");
    }

    @Test
    void unsupported_types_cycles_and_non_string_keys_are_refused() {
        assertThatThrownBy(() -> write("m", new Object()))
                .hasMessageStartingWith("param 1 of m: a java.lang.Object (expected: String, Integer");
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThatThrownBy(() -> write("m", cycle)).hasMessage("param 1 of m[0]: contains itself (expected: no cycle)");
        assertThatThrownBy(() -> write("m", Map.of(1, 2)))
                .hasMessage("param 1 of m: struct key 1 (expected: a String)");
    }

    @Test
    void the_same_list_twice_side_by_side_is_not_a_cycle() {
        List<String> shared = List.of("x");
        assertThat(write("m", List.of(shared, shared))).contains("<value><array><data><value><string>x</string>");
    }

    @Test
    void python_xml_rpc_reads_what_is_written(@TempDir Path directory) throws Exception {
        Path request = directory.resolve("request.xml");
        Files.write(request, XmlRpcRequestWriter.methodCall("supvisors.start_process",
                List.of(1, "web:front", "-x 'a b' <&>\r\n", true, 1L << 40, 0.1, Map.of("k", List.of(false)))));
        String script = "import xmlrpc.client, sys\n"
                + "params, method = xmlrpc.client.loads(open(sys.argv[1], 'rb').read())\n"
                + "print(method, repr(params))\n";
        assertThat(python(script, request)).isEqualTo(
                "supvisors.start_process (1, 'web:front', \"-x 'a b' <&>\\r\\n\", True, 1099511627776, 0.1,"
                        + " {'k': [False]})");
    }

    /** Runs a Python script (skipped where python3 is missing) and returns its output. */
    static String python(String script, Path argument) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("python3", "-c", script, argument.toString()).redirectErrorStream(true)
                    .start();
        } catch (IOException missing) {
            assumeThat(missing).as("python3 not installed").isNull();
            throw missing;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
