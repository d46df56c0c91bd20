package org.supvisors.dist.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.supvisors.core.config.SupvisorsOptions;

class LogDestinationTest {

    @Test
    void when_logfileIsAuto_then_destinationIsStderr() {
        LogDestination destination = LogDestination.of(SupvisorsOptions.builder().build());

        assertThat(destination.file()).isEmpty();
        assertThat(destination).hasToString("stderr");
    }

    @Test
    void when_logfileIsAPath_then_destinationIsThatFileWithItsRotation() {
        SupvisorsOptions options = SupvisorsOptions.builder().logfile(Optional.of("/var/log/supvisors.log"))
                .logfileMaxbytes(1024).logfileBackups(3).build();

        LogDestination destination = LogDestination.of(options);

        assertThat(destination.file()).contains(Path.of("/var/log/supvisors.log"));
        assertThat(destination.maxBytes()).isEqualTo(1024);
        assertThat(destination.backups()).isEqualTo(3);
        assertThat(destination).hasToString("/var/log/supvisors.log (maxbytes=1024, backups=3)");
    }

    @Test
    void when_sizesAreNegative_then_theOptionAndValueAreNamed() {
        Path file = Path.of("/tmp/supvisors.log");

        assertThatThrownBy(() -> LogDestination.file(file, -1, 0))
                .hasMessage("logfile_maxbytes: -1 (expected: >= 0)");
        assertThatThrownBy(() -> LogDestination.file(file, 0, -2))
                .hasMessage("logfile_backups: -2 (expected: >= 0)");
    }
}
