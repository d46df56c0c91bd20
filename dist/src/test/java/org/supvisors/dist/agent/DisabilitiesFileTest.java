package org.supvisors.dist.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisabilitiesFileTest {

    @Test
    void an_object_of_booleans_is_read_and_written_back() throws Exception {
        assertThat(DisabilitiesFile.parse(" {\"web\": true, \"db\" : false, \"a\\\"b\": true} "))
                .containsEntry("web", true).containsEntry("db", false).containsEntry("a\"b", true);
        assertThat(DisabilitiesFile.parse("{}")).isEmpty();
    }

    @Test
    void anything_else_is_refused_with_the_position() {
        assertThatThrownBy(() -> DisabilitiesFile.parse("[]")).hasMessageContaining("'{' expected");
        assertThatThrownBy(() -> DisabilitiesFile.parse("{\"a\": 1}")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> DisabilitiesFile.parse("{\"a\": true} x")).hasMessageContaining("nothing expected");
        assertThatThrownBy(() -> DisabilitiesFile.parse("{\"a\": true")).hasMessageContaining("end of the text");
    }

    @Test
    void a_missing_or_broken_file_means_everything_enabled_and_writes_are_atomic(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("disabilities.json");
        DisabilitiesFile disabilities = new DisabilitiesFile(file);
        assertThat(disabilities.read()).isEmpty();
        disabilities.write(Map.of("web", true, "db", false));
        assertThat(Files.readString(file)).isEqualTo("{\"db\": false, \"web\": true}\n");
        assertThat(disabilities.read()).containsEntry("web", true).containsEntry("db", false);
        Files.writeString(file, "not json");
        assertThat(disabilities.read()).isEmpty();
    }
}
