package org.supvisors.transport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisordFilesTest {

    @TempDir
    Path dir;

    private final List<ConfigMessage> messages = new ArrayList<>();
    private final Expansions expansions = new Expansions(Map.of("CONF", "conf.d"), "node1");

    private IniDocument read(Path main) throws ConfigurationException {
        return SupervisordFiles.read(main, expansions, messages);
    }

    @Test
    void includes_are_globbed_relative_to_the_main_file_and_read_in_sorted_order() throws Exception {
        Path main = TestFiles.write(dir, "etc/supervisord.conf", "[include]\nfiles = %(ENV_CONF)s/*.conf extra.ini\n"
                + "[program:a]\ncommand = main\n");
        TestFiles.write(dir, "etc/conf.d/20-b.conf", "[program:a]\ncommand = from b\n");
        TestFiles.write(dir, "etc/conf.d/10-a.conf", "[program:a]\ncommand = from a\nnumprocs = 2\n");
        TestFiles.write(dir, "etc/extra.ini", "[group:g]\nprograms = a\n");

        IniDocument document = read(main);

        assertThat(document.files()).containsExactly(main, dir.resolve("etc/conf.d/10-a.conf"),
                dir.resolve("etc/conf.d/20-b.conf"), dir.resolve("etc/extra.ini"));
        IniValue command = document.value("program:a", "command").orElseThrow();
        assertThat(command.text()).isEqualTo("from b");
        assertThat(command.location()).isEqualTo(dir.resolve("etc/conf.d/20-b.conf") + ":2");
        assertThat(document.value("program:a", "numprocs").orElseThrow().file())
                .isEqualTo(dir.resolve("etc/conf.d/10-a.conf"));
        assertThat(document.hasSection("group:g")).isTrue();
        assertThat(messages).extracting(ConfigMessage::text).containsExactly(
                "Included extra file \"" + dir.resolve("etc/conf.d/10-a.conf") + "\" during parsing",
                "Included extra file \"" + dir.resolve("etc/conf.d/20-b.conf") + "\" during parsing",
                "Included extra file \"" + dir.resolve("etc/extra.ini") + "\" during parsing");
    }

    @Test
    void here_is_the_directory_of_the_file_that_holds_the_value() throws Exception {
        Path main = TestFiles.write(dir, "supervisord.conf", "[include]\nfiles = %(here)s/sub/*.conf\n"
                + "[x]\nmain = %(here)s/m\n");
        TestFiles.write(dir, "sub/one.conf", "[x]\nincluded = %(here)s/i\n");

        IniDocument document = read(main);

        assertThat(expansions.expand(document.value("x", "main").orElseThrow())).isEqualTo(dir + "/m");
        assertThat(expansions.expand(document.value("x", "included").orElseThrow())).isEqualTo(dir + "/sub/i");
    }

    @Test
    void nested_includes_are_ignored_as_supervisord_ignores_them() throws Exception {
        Path main = TestFiles.write(dir, "supervisord.conf", "[include]\nfiles = one.conf\n");
        TestFiles.write(dir, "one.conf", "[include]\nfiles = two.conf\n[program:one]\ncommand = x\n");
        TestFiles.write(dir, "two.conf", "[program:two]\ncommand = x\n");

        IniDocument document = read(main);

        assertThat(document.hasSection("program:one")).isTrue();
        assertThat(document.hasSection("program:two")).isFalse();
        assertThat(messages).extracting(ConfigMessage::text).contains(dir.resolve("one.conf")
                + ": [include] section ignored: supervisord only follows the [include] of its main configuration file");
    }

    @Test
    void a_glob_that_matches_nothing_is_a_warning() throws Exception {
        Path main = TestFiles.write(dir, "supervisord.conf", "[include]\nfiles = none/*.conf\n");

        read(main);

        assertThat(messages).containsExactly(ConfigMessage.warning(main + ":2: No file matches via include \""
                + dir.resolve("none/*.conf") + "\""));
    }

    @Test
    void an_include_section_without_files_is_fatal() {
        Path main = TestFiles.write(dir, "supervisord.conf", "[supervisord]\n[include]\nfile = x.conf\n");

        assertThatThrownBy(() -> read(main)).isInstanceOf(ConfigurationException.class)
                .hasMessage(main + ":2: [include] section has no files setting (expected: files = <globs>)");
    }

    @Test
    void an_unknown_name_in_files_is_fatal_with_its_place() {
        Path main = TestFiles.write(dir, "supervisord.conf", "[include]\nfiles = %(ENV_NOPE)s/*.conf\n");

        assertThatThrownBy(() -> read(main)).isInstanceOf(ConfigurationException.class)
                .hasMessage(main + ":2: files=%(ENV_NOPE)s/*.conf: %(ENV_NOPE) cannot be expanded (available names:"
                        + " ENV_<variable>, here, host_node_name)");
    }

    @Test
    void an_included_file_with_bad_syntax_is_fatal() {
        Path main = TestFiles.write(dir, "supervisord.conf", "[include]\nfiles = bad.conf\n");
        Path bad = TestFiles.write(dir, "bad.conf", "[a]\nnot ini\n");

        assertThatThrownBy(() -> read(main)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(bad + ":2: not ini: not an INI line");
    }

    @Test
    void a_missing_main_file_is_fatal() {
        Path main = dir.resolve("missing.conf");

        assertThatThrownBy(() -> read(main)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(main + ": cannot read supervisord's configuration file (NoSuchFileException");
    }
}
