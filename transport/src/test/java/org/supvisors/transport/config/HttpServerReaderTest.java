package org.supvisors.transport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpServerReaderTest {

    @TempDir
    Path dir;

    private Path file;

    private HttpServerSettings read(String text) throws ConfigurationException {
        file = TestFiles.write(dir, "supervisord.conf", text);
        IniDocument document = SupervisordFiles.read(file, new Expansions(Map.of("PORT", "61000"), "node"),
                new java.util.ArrayList<>());
        return HttpServerReader.read(document, new Expansions(Map.of("PORT", "61000", "PASS", "s3cr%t"), "node"),
                file);
    }

    @ParameterizedTest(name = "port = {0}")
    @CsvSource(delimiter = '|', value = {
        ":60000||60000",
        "*:60000||60000",
        "60000||60000",
        "127.0.0.1:60000|127.0.0.1|60000",
        "MyHost:60000|myhost|60000",
        ":%(ENV_PORT)s||61000",
    })
    void port_syntaxes_are_supervisords(String port, String host, int number) throws Exception {
        HttpServerSettings settings = read("[inet_http_server]\nport = " + port + "\n");

        assertThat(settings).isEqualTo(new HttpServerSettings(host == null ? "" : host, number, Optional.empty(),
                Optional.empty()));
        assertThat(settings.hasCredentials()).isFalse();
    }

    @Test
    void credentials_are_read_and_expanded() throws Exception {
        HttpServerSettings settings = read("[inet_http_server]\nport = :60000\nusername = user\n"
                + "password = %(ENV_PASS)s\n");

        assertThat(settings.username()).contains("user");
        assertThat(settings.password()).contains("s3cr%t");
        assertThat(settings.hasCredentials()).isTrue();
    }

    @Test
    void a_missing_section_is_fatal_naming_the_file() {
        assertThatThrownBy(() -> read("[supervisord]\n[unix_http_server]\nfile = /tmp/s.sock\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + ": Supervisor MUST be configured using inet_http_server (no [inet_http_server]"
                        + " section in this file or the files it includes)");
    }

    @Test
    void a_missing_port_is_fatal() {
        assertThatThrownBy(() -> read("[supervisord]\n[inet_http_server]\nusername = u\npassword = p\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + ":2: Supervisor MUST be configured using inet_http_server (section"
                        + " [inet_http_server] has no port value)");
    }

    @ParameterizedTest
    @CsvSource({"host:", "0", "65536", "abc", "host:port"})
    void a_bad_port_is_fatal(String port) {
        assertThatThrownBy(() -> read("[inet_http_server]\nport = " + port + "\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + ":2: port=" + port + ": not a valid port number (expected: [host:]port with a"
                        + " port in 1..65535)");
    }

    @Test
    void a_sha_password_is_fatal_without_showing_it() {
        assertThatThrownBy(() -> read("[inet_http_server]\nport = :60000\nusername = u\n"
                + "password = {SHA}82ab876d1387bfafe46cc1c8a2ef074eae50cb1d\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + ":4: password={SHA}...: the agent calls supervisord's XML-RPC with this password,"
                        + " so it needs it in clear text, not as a SHA-1 hash (expected: the clear password, in a file"
                        + " readable only by its owner)");
    }

    @Test
    void half_credentials_are_fatal() {
        assertThatThrownBy(() -> read("[inet_http_server]\nport = :60000\nusername = u\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + ":1: section [inet_http_server] contains incomplete authentication (expected:"
                        + " both username and password, or neither)");
    }

    @Test
    void a_bad_expansion_in_the_password_is_fatal_without_showing_it() {
        assertThatThrownBy(() -> read("[inet_http_server]\nport = :60000\nusername = u\npassword = 100%\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + ":4: password=***: badly formatted for %-expansion: incomplete format (write %%"
                        + " for a percent sign)");
    }
}
