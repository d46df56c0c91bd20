package org.supvisors.transport.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One value of an INI file, after comments are stripped and continuation lines are joined with {@code \n}, but
 * before any {@code %(name)s} expansion, with the place it was written at.
 *
 * @param text the value as written
 * @param file the absolute path of the file that holds it
 * @param line the line of its key (1-based)
 */
record IniValue(String text, Path file, int line) {

    IniValue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(file, "file");
    }

    /** {@code file:line}, for messages. */
    String location() {
        return file + ":" + line;
    }

    /** The directory of the file, which {@code %(here)s} stands for in this value. */
    Path here() {
        return file.getParent();
    }

    /** The text on one line, for messages ({@code \n} of continuation lines written as {@code \\n}). */
    String shown() {
        return text.replace("\n", "\\n");
    }
}
