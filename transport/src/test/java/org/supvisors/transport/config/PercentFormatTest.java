package org.supvisors.transport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected outputs are Python 3.11's {@code template % {'a': 'x', 'n': 5, 'f': 2.5}}. */
class PercentFormatTest {

    private static final Map<String, Object> VALUES = Map.of("a", "x", "n", 5, "f", 2.5, "neg", -7);

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
        "%(n)05d => 00005",
        "%(n)-5d => \"5    \"",
        "%(n)+d => +5",
        "%(n) d => \" 5\"",
        "%(n)x => 5",
        "%(n)#x => 0x5",
        "%(n)#o => 0o5",
        "%(a)5s => \"    x\"",
        "%(a)-5s => \"x    \"",
        "%(a).0s => \"\"",
        "%(n).3d => 005",
        "%(n)5.3d => \"  005\"",
        "%(n)s => 5",
        "%(n)r => 5",
        "%(a)r => 'x'",
        "%(n)f => 5.000000",
        "%(n)e => 5.000000e+00",
        "%(n)ld => 5",
        "%%(a)s => %(a)s",
        "%(a)05s => \"    x\"",
        "%(f).2f => 2.50",
        "%(f)g => 2.5",
        "%(neg)03d => -07",
        "%(n)#06x => 0x0005",
        "100%% => 100%",
        "no percent => no percent",
        "worker_%(n)03d => worker_005",
    })
    void formats_like_python(String template, String expected) throws Exception {
        assertThat(PercentFormat.format(template, VALUES)).isEqualTo(expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "%|incomplete format",
        "%(a)|incomplete format",
        "100%|incomplete format",
        "%(a)z|unsupported format character 'z' (0x7a) at index 4",
        "%(a)d|%d format: a real number is required, not str",
        "%s|conversion without a (name) at index 0 (write %% for a percent sign)",
        "%(n)*d|* width needs an argument, which a mapping cannot give",
    })
    void rejects_what_python_rejects(String template, String reason) {
        assertThatThrownBy(() -> PercentFormat.format(template, VALUES))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(reason);
    }

    @ParameterizedTest
    @CsvSource({"%(b)s,b", "x %(ENV_HOME)s,ENV_HOME"})
    void names_the_missing_key(String template, String missing) {
        assertThatThrownBy(() -> PercentFormat.format(template, VALUES))
                .isInstanceOfSatisfying(PercentFormat.MissingNameException.class,
                        e -> assertThat(e.name()).isEqualTo(missing));
    }
}
