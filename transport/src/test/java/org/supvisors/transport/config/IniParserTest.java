package org.supvisors.transport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected values were produced by Python 3.11's RawConfigParser configured as Supervisor 4.2.5 does. */
class IniParserTest {

    @TempDir
    Path dir;

    private IniDocument parse(String text) throws Exception {
        Path file = dir.resolve("supervisord.conf");
        Files.writeString(file, text);
        IniDocument document = new IniDocument(file);
        IniParser.read(file, document);
        return document;
    }

    private static String value(IniDocument document, String section, String key) {
        return document.value(section, key).map(IniValue::text).orElse(null);
    }

    @Test
    void comments_delimiters_continuations_and_merges_follow_python() throws Exception {
        IniDocument document = parse(String.join("\n",
                "; full comment",
                "# another",
                "[Main]",
                "Key = value ; inline",
                "colon: a:b = c",
                "url = http://host;x#y",
                "semi = a ;b #c",
                "hash=a #b ;c",
                "multi = first",
                "  second",
                "",
                "  third",
                "",
                "",
                "other=1",
                "  [not a section]",
                "empty =",
                "[Main]",
                "key = overridden",
                "[DEFAULT]",
                "shared = d",
                "[sec] trailing",
                "a = 1",
                "   ;comment in continuation",
                "  b",
                ""));

        assertThat(document.sectionNames()).containsExactly("Main", "sec");
        assertThat(value(document, "Main", "key")).isEqualTo("overridden");
        assertThat(value(document, "Main", "colon")).isEqualTo("a:b = c");
        assertThat(value(document, "Main", "url")).isEqualTo("http://host;x#y");
        assertThat(value(document, "Main", "semi")).isEqualTo("a");
        assertThat(value(document, "Main", "hash")).isEqualTo("a");
        assertThat(value(document, "Main", "multi")).isEqualTo("first\nsecond\n\nthird");
        assertThat(value(document, "Main", "other")).isEqualTo("1\n[not a section]");
        assertThat(value(document, "Main", "empty")).isEmpty();
        assertThat(value(document, "Main", "shared")).isEqualTo("d");
        assertThat(value(document, "sec", "shared")).isEqualTo("d");
        assertThat(value(document, "sec", "a")).isEqualTo("1\nb");
        assertThat(document.section("main")).as("section names are case-sensitive").isEmpty();
        assertThat(document.section("Main").orElseThrow().values().keySet())
                .containsExactly("key", "colon", "url", "semi", "hash", "multi", "other", "empty");
    }

    @Test
    void every_value_knows_its_file_and_line() throws Exception {
        IniDocument document = parse("[a]\nx = 1\n\ny = 2\n  continued\n[a]\nx = 3\n");

        IniValue x = document.value("a", "x").orElseThrow();
        IniValue y = document.value("a", "y").orElseThrow();
        assertThat(x.location()).isEqualTo(dir.resolve("supervisord.conf") + ":7");
        assertThat(y.line()).isEqualTo(4);
        assertThat(y.shown()).isEqualTo("2\\ncontinued");
        assertThat(x.here()).isEqualTo(dir);
        assertThat(document.section("a").orElseThrow().location()).endsWith("supervisord.conf:1");
    }

    @Test
    void a_comment_prefix_counts_only_after_a_space_and_the_first_qualifying_round_wins() throws Exception {
        // ';' at 17 qualifies in the first round, although '#' at 11 qualifies in its third: Python keeps ';'
        IniDocument document = parse("[a]\nk = x#y#z  #w  v ;c\n");

        assertThat(value(document, "a", "k")).isEqualTo("x#y#z  #w  v");
    }

    @Test
    void text_before_any_section_is_fatal_with_its_place() {
        assertThatThrownBy(() -> parse("key = value\n[a]\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(dir.resolve("supervisord.conf") + ":1: key = value: text before any section header"
                        + " (expected: a [section] line first)");
    }

    @Test
    void lines_that_are_not_ini_are_fatal_naming_the_first_and_counting_the_others() {
        assertThatThrownBy(() -> parse("[a]\nok = 1\njust words\n= no key\nmore words\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(dir.resolve("supervisord.conf") + ":3: just words: not an INI line (expected: [section],"
                        + " key = value or key: value) (and 2 other lines)");
    }

    @Test
    void a_file_that_is_not_utf8_is_fatal() throws IOException {
        Path file = dir.resolve("latin1.conf");
        Files.write(file, new byte[] {'[', 'a', ']', '\n', 'k', '=', (byte) 0xE9, '\n'});

        assertThatThrownBy(() -> IniParser.read(file, new IniDocument(file)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ": not a UTF-8 text file");
    }

    @Test
    void windows_line_endings_and_tabs_are_handled() throws Exception {
        IniDocument document = parse("[a]\r\nk\t=\tv\r\n\tmore\r\n");

        assertThat(value(document, "a", "k")).isEqualTo("v\nmore");
    }
}
