package org.supvisors.dist.log;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A log file that rotates by size, as Supervisor's and Python's {@code RotatingFileHandler} do.
 *
 * <p>Before a line is written, when the file is not empty and the line would take it past {@code maxBytes}, the
 * file is rotated: {@code name.N-1} becomes {@code name.N} (the oldest is dropped), ..., {@code name} becomes
 * {@code name.1}, and a new {@code name} is started. With no backups the file is emptied instead (Supervisor's
 * behaviour; Python's would let it grow). {@code maxBytes = 0} never rotates, nor does a file that is not a
 * regular file. So every file holds whole lines and at most {@code maxBytes} bytes, unless one line alone is
 * longer.
 *
 * <p>Each line is one {@code write} to a file opened in append mode, without a buffer of our own: a line written
 * is in the operating system's hands even if the JVM crashes (no {@code fsync}: a machine crash may still lose
 * it). A {@link FileOutputStream}, not a {@code FileChannel}: interrupting a thread that logs must not close the
 * file. Not thread-safe: {@link LogControl} serializes the calls.
 */
final class RotatingFile {

    private final Path path;
    private final long maxBytes;
    private final int backups;
    private final boolean rotatable;
    private FileOutputStream stream;
    private long size;

    private RotatingFile(Path path, long maxBytes, int backups) throws IOException {
        this.path = path;
        this.maxBytes = maxBytes;
        this.backups = backups;
        this.stream = new FileOutputStream(path.toFile(), true);
        this.rotatable = maxBytes > 0 && Files.isRegularFile(path);
        this.size = rotatable ? Files.size(path) : 0;
    }

    /** Opens (creates or appends to) {@code path}; fails when it cannot be written. */
    static RotatingFile open(Path path, long maxBytes, int backups) throws IOException {
        return new RotatingFile(path, maxBytes, backups);
    }

    Path path() {
        return path;
    }

    /** Writes one whole line (its bytes, newline included), rotating first if needed. */
    void write(byte[] line) throws IOException {
        if (rotatable && size > 0 && size + line.length > maxBytes) {
            rotate();
        }
        stream.write(line);
        size += line.length;
    }

    private void rotate() throws IOException {
        stream.close();
        for (int index = backups - 1; index > 0; index--) {
            Path older = backup(index);
            if (Files.exists(older)) {
                Files.move(older, backup(index + 1), REPLACE_EXISTING);
            }
        }
        if (backups == 0) {
            new FileOutputStream(path.toFile()).close();
        } else {
            try {
                Files.move(path, backup(1), REPLACE_EXISTING);
            } catch (NoSuchFileException removed) {
                // removed by someone else: nothing to keep, as Supervisor ignores ENOENT here
            }
        }
        stream = new FileOutputStream(path.toFile(), true);
        size = Files.size(path);
    }

    private Path backup(int index) {
        return path.resolveSibling(path.getFileName() + "." + index);
    }

    /** Closes the file; quietly, since the caller has nowhere left to report a failure. */
    void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // closing an unbuffered stream loses nothing: every line was written by write()
        }
    }
}
