package org.supvisors.transport.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SupervisordCommandLineTest {

    private static Optional<SupervisordCommandLine> parse(String arguments) {
        return SupervisordCommandLine.parse(List.of(arguments.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/usr/bin/python3 /usr/bin/supervisord -n -c /etc/s.conf|/etc/s.conf",
        "supervisord -c/etc/s.conf|/etc/s.conf",
        "supervisord --configuration /etc/s.conf|/etc/s.conf",
        "supervisord --configuration=/etc/s.conf|/etc/s.conf",
        "supervisord --conf=rel.conf|rel.conf",
        "supervisord -nc rel.conf|rel.conf",
        "supervisord -n -l /tmp/log -c x.conf -i id|x.conf",
        "python3 -m supervisor.supervisord -c x.conf|x.conf",
        "/usr/bin/python3.11 -u /usr/bin/supervisord -c x.conf|x.conf",
        "/opt/venv/bin/supervisord-3.11 -c x.conf|x.conf",
    })
    void finds_the_configuration_option_as_getopt_reads_it(String arguments, String expected) {
        assertThat(parse(arguments)).get().extracting(SupervisordCommandLine::configuration)
                .isEqualTo(Optional.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "supervisord -n",
        "supervisord positional -c x.conf",
        "supervisord -- -c x.conf",
        "supervisord --unknown -c x.conf",
        "supervisord --c x.conf",
    })
    void no_configuration_when_getopt_would_not_see_one(String arguments) {
        assertThat(parse(arguments)).get().extracting(SupervisordCommandLine::configuration)
                .isEqualTo(Optional.empty());
    }

    @Test
    void the_identifier_and_the_program_are_kept() {
        SupervisordCommandLine line = parse("/usr/bin/python3 /usr/bin/supervisord -i supv01 -n").orElseThrow();

        assertThat(line.identifier()).contains("supv01");
        assertThat(line.program()).isEqualTo("/usr/bin/supervisord");
        assertThat(parse("supervisord --identifier=x").orElseThrow().identifier()).contains("x");
    }

    @Test
    void other_programs_are_not_supervisord() {
        assertThat(parse("/bin/bash -c supervisord")).isEmpty();
        assertThat(parse("/usr/bin/java -jar supvisorsd.jar")).isEmpty();
        assertThat(parse("python3 /opt/other.py supervisord")).isEmpty();
        assertThat(parse("python3 -m pip")).isEmpty();
        assertThat(SupervisordCommandLine.parse(List.of())).isEmpty();
    }
}
