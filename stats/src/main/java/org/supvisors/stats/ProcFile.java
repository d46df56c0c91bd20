package org.supvisors.stats;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads small files of {@code /proc} and {@code /sys} into a buffer reused from one read to the next (one per
 * collector thread): a round reads hundreds of them.
 */
final class ProcFile {

    private byte[] buffer = new byte[4096];
    private int length;

    /**
     * Reads a whole file.
     *
     * @return false when it cannot be read (a process that ended, a file that does not exist)
     */
    boolean read(String path) {
        try (FileInputStream in = new FileInputStream(path)) {
            length = 0;
            int n;
            while ((n = in.read(buffer, length, buffer.length - length)) > 0) {
                length += n;
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            return true;
        } catch (IOException e) {
            length = 0;
            return false;
        }
    }

    int length() {
        return length;
    }

    byte byteAt(int index) {
        return buffer[index];
    }

    /** The content as text (ASCII or UTF-8). */
    String text() {
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    /** The index of the last occurrence of {@code b}, or -1. */
    int lastIndexOf(byte b) {
        for (int i = length - 1; i >= 0; i--) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
