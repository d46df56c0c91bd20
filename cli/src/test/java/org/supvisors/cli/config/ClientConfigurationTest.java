package org.supvisors.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigurationTest {

    @TempDir
    Path directory;

    private ClientSettings resolve(String text, String serverUrl) throws Exception {
        Path file = write("supervisord.conf", text);
        return ClientConfiguration.resolve(file, serverUrl, null, null, null, List.of(), Map.of("PORT", "7000"));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text);
    }

    @Test
    void the_agent_url_is_the_serverurl_shifted_by_the_agent_port_offset_of_the_supvisors_section() throws Exception {
        ClientSettings settings = resolve("""
                [inet_http_server]
                port = :60000
                [supervisorctl]
                serverurl = http://node1:60000  ; the supervisord of node1
                username = user
                password = pass
                prompt = cluster
                history_file = history.txt
                [supvisors]
                agent_port_offset = 5
                """, null);

        assertThat(settings.serverUrl()).isEqualTo("http://node1:60005");
        assertThat(settings.username()).isEqualTo("user");
        assertThat(settings.password()).isEqualTo("pass");
        assertThat(settings.prompt()).isEqualTo("cluster");
        assertThat(settings.historyFile()).isEqualTo(directory.resolve("history.txt"));
        assertThat(settings.agentPortOffset()).isEqualTo(5);
    }

    @Test
    void a_unix_socket_serverurl_is_replaced_by_the_inet_http_server_port_plus_the_default_offset() throws Exception {
        ClientSettings settings = resolve("""
                [unix_http_server]
                file = /tmp/supervisor.sock
                [inet_http_server]
                port = *:%(ENV_PORT)s
                [supervisorctl]
                serverurl = unix:///tmp/supervisor.sock
                [supvisors]
                supvisors_list = a,b
                """, null);

        assertThat(settings.serverUrl()).isEqualTo("http://localhost:7002");
        assertThat(settings.agentPortOffset()).isEqualTo(ClientConfiguration.DEFAULT_AGENT_PORT_OFFSET);
    }

    @Test
    void options_of_the_command_line_win_over_the_file() throws Exception {
        Path file = write("supervisord.conf", """
                [supervisorctl]
                serverurl = http://node1:60000
                username = user
                [supvisors]
                """);

        ClientSettings settings = ClientConfiguration.resolve(file, "http://other:9", "me", "secret",
                directory.resolve("h"), List.of(), Map.of());

        assertThat(settings).isEqualTo(new ClientSettings("http://other:9", "me", "secret", "supervisor",
                directory.resolve("h"), 2));
    }

    @Test
    void the_supvisors_section_may_come_from_an_included_file() throws Exception {
        Files.createDirectories(directory.resolve("conf.d"));
        write("conf.d/supvisors.ini", "[supvisors]\nagent_port_offset = 10\n");

        ClientSettings settings = resolve("""
                [supervisorctl]
                serverurl = http://127.0.0.1:61000/
                [include]
                files = conf.d/*.ini
                """, null);

        assertThat(settings.serverUrl()).isEqualTo("http://127.0.0.1:61010/");
    }

    @Test
    void the_first_existing_search_path_is_read_when_no_file_is_given() throws Exception {
        Path found = write("found.conf", "[supervisorctl]\nserverurl = http://found:1000\n");

        ClientSettings settings = ClientConfiguration.resolve(null, null, null, null, null,
                List.of(directory.resolve("missing.conf"), found), Map.of());

        assertThat(settings.serverUrl()).as("no [supvisors] section: the URL as written")
                .isEqualTo("http://found:1000");
    }

    @Test
    void without_any_file_the_agent_of_the_default_supervisord_is_called() throws Exception {
        ClientSettings settings = ClientConfiguration.resolve(null, null, null, null, null,
                List.of(directory.resolve("missing.conf")), Map.of());

        assertThat(settings.serverUrl()).isEqualTo("http://localhost:9003");
    }

    @Test
    void errors_name_the_file_the_place_and_what_was_expected() throws Exception {
        assertThatThrownBy(() -> ClientConfiguration.resolve(directory.resolve("nope.conf"), null, null, null, null,
                List.of(), Map.of())).isInstanceOf(ConfigurationException.class)
                .hasMessage("could not find config file " + directory.resolve("nope.conf"));
        assertThatThrownBy(() -> resolve("[program:x]\ncommand = ls\n", null))
                .hasMessage(".ini file does not include supervisorctl section");
        assertThatThrownBy(() -> resolve("[supervisorctl]\n[supvisors]\nagent_port_offset = two\n", null))
                .hasMessage(directory.resolve("supervisord.conf") + ": [supvisors] agent_port_offset: two"
                        + " (expected: an integer)");
        assertThatThrownBy(() -> resolve("[supervisorctl]\nserverurl = http://%(ENV_NOPE)s:1\n", null))
                .hasMessageContaining("[supervisorctl] serverurl: http://%(ENV_NOPE)s:1 (expected: %(here)s,");
        assertThatThrownBy(() -> resolve("[supervisorctl]\nno separator here\n", null))
                .hasMessage(directory.resolve("supervisord.conf") + ":2: no separator here (expected: key = value)");
        assertThatThrownBy(() -> resolve("serverurl = x\n", null))
                .hasMessageEndingWith(":1: serverurl = x (expected: a [section] first)");
    }
}
