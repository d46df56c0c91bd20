package org.supvisors.bench.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.supvisors.bench.command.BenchMain;

/** The directory of a benchmark run: removed at the end, or kept (and said so) for its logs. */
public final class TemporaryDirectory {

    private final Path path;
    private volatile boolean keep;
    private boolean done;

    private TemporaryDirectory(Path path, boolean keep) {
        this.path = path;
        this.keep = keep;
    }

    public static TemporaryDirectory create(String prefix, boolean keep) throws IOException {
        return new TemporaryDirectory(Files.createTempDirectory(prefix), keep);
    }

    public Path path() {
        return path;
    }

    /** Keeps the directory whatever was asked: it has the logs of a failure. */
    public void keep() {
        keep = true;
    }

    /** Removes the directory, or says where it is kept; idempotent (the shutdown hook may come second). */
    public synchronized void remove() {
        if (done) {
            return;
        }
        done = true;
        if (keep) {
            BenchMain.progress("kept " + path);
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            BenchMain.progress("cannot remove " + path + ": " + e.getMessage());
        }
    }
}
