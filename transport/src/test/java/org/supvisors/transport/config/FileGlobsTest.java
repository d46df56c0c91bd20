package org.supvisors.transport.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileGlobsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        Files.createDirectories(dir.resolve("conf.d/sub"));
        Files.createDirectories(dir.resolve("other.d"));
        for (String name : List.of("conf.d/a.conf", "conf.d/b.conf", "conf.d/.hidden.conf", "conf.d/c.ini",
                "conf.d/sub/d.conf", "other.d/e.conf", "x[1].conf")) {
            Files.writeString(dir.resolve(name), "");
        }
    }

    private List<String> glob(String pattern) {
        return FileGlobs.glob(dir.resolve(pattern)).stream().map(path -> dir.relativize(path).toString()).sorted()
                .collect(Collectors.toList());
    }

    @Test
    void star_does_not_match_hidden_files_nor_cross_directories() {
        assertThat(glob("conf.d/*.conf")).containsExactly("conf.d/a.conf", "conf.d/b.conf");
        assertThat(glob("conf.d/.*.conf")).containsExactly("conf.d/.hidden.conf");
        assertThat(glob("conf.d/*")).containsExactly("conf.d/a.conf", "conf.d/b.conf", "conf.d/c.ini", "conf.d/sub");
    }

    @Test
    void wildcards_work_in_directory_components() {
        assertThat(glob("*.d/*.conf")).containsExactly("conf.d/a.conf", "conf.d/b.conf", "other.d/e.conf");
        assertThat(glob("*/sub/?.conf")).containsExactly("conf.d/sub/d.conf");
    }

    @Test
    void character_classes_and_negations() {
        assertThat(glob("conf.d/[ab].conf")).containsExactly("conf.d/a.conf", "conf.d/b.conf");
        assertThat(glob("conf.d/[!a]*")).containsExactly("conf.d/b.conf", "conf.d/c.ini", "conf.d/sub");
        assertThat(glob("x[[]1].conf")).containsExactly("x[1].conf");
    }

    @Test
    void literal_paths_must_exist() {
        assertThat(glob("conf.d/a.conf")).containsExactly("conf.d/a.conf");
        assertThat(glob("conf.d/missing.conf")).isEmpty();
        assertThat(glob("missing.d/*.conf")).isEmpty();
    }
}
