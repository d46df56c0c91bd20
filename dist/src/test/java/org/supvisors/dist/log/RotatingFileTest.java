package org.supvisors.dist.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileTest {

    @TempDir
    Path dir;

    /** Nine bytes: {@code line 007\n}. */
    private static byte[] line(int index) {
        return String.format("line %03d%n", index).getBytes(UTF_8);
    }

    private static String lines(int... indexes) {
        StringBuilder text = new StringBuilder();
        for (int index : indexes) {
            text.append(new String(line(index), UTF_8));
        }
        return text.toString();
    }

    private Path write(long maxBytes, int backups, int count) throws IOException {
        Path path = dir.resolve("supvisors.log");
        RotatingFile file = RotatingFile.open(path, maxBytes, backups);
        try {
            for (int index = 0; index < count; index++) {
                file.write(line(index));
            }
        } finally {
            file.close();
        }
        return path;
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), UTF_8);
    }

    @Test
    void when_lineWouldPassMaxBytes_then_fileRotatesAndOldestBackupIsDropped() throws IOException {
        write(20, 2, 7);

        assertThat(read("supvisors.log")).isEqualTo(lines(6));
        assertThat(read("supvisors.log.1")).isEqualTo(lines(4, 5));
        assertThat(read("supvisors.log.2")).isEqualTo(lines(2, 3));
        assertThat(dir.resolve("supvisors.log.3")).doesNotExist();
    }

    @Test
    void when_linesFillMaxBytesExactly_then_fileKeepsThemAll() throws IOException {
        write(18, 1, 3);

        assertThat(read("supvisors.log.1")).isEqualTo(lines(0, 1)).hasSize(18);
        assertThat(read("supvisors.log")).isEqualTo(lines(2));
    }

    @Test
    void when_noBackups_then_fileIsEmptiedAndNoBackupIsMade() throws IOException {
        write(20, 0, 5);

        assertThat(read("supvisors.log")).isEqualTo(lines(4));
        assertThat(dir.resolve("supvisors.log.1")).doesNotExist();
    }

    @Test
    void when_maxBytesIsZero_then_fileNeverRotates() throws IOException {
        write(0, 3, 50);

        assertThat(read("supvisors.log")).hasSize(50 * 9).startsWith(lines(0)).endsWith(lines(49));
        assertThat(dir.resolve("supvisors.log.1")).doesNotExist();
    }

    @Test
    void when_fileAlreadyHasLines_then_theyAreKeptAndCounted() throws IOException {
        Files.writeString(dir.resolve("supvisors.log"), "previous\n");

        write(20, 1, 2);

        assertThat(read("supvisors.log.1")).isEqualTo("previous\n" + lines(0));
        assertThat(read("supvisors.log")).isEqualTo(lines(1));
    }

    @Test
    void when_oneLineIsLongerThanMaxBytes_then_itIsWrittenWholeInItsOwnFile() throws IOException {
        Path path = dir.resolve("supvisors.log");
        RotatingFile file = RotatingFile.open(path, 5, 1);
        file.write(line(0));
        file.write(line(1));
        file.close();

        assertThat(read("supvisors.log.1")).isEqualTo(lines(0));
        assertThat(read("supvisors.log")).isEqualTo(lines(1));
    }
}
