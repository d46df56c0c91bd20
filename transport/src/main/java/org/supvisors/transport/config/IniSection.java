package org.supvisors.transport.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A section of the INI files: a header seen twice (in one file or in several) gives one section, a key written
 * twice keeps its first position and its last value, as Python's {@code RawConfigParser(strict=False)} does.
 */
final class IniSection {

    private final String name;
    private final Path file;
    private final int line;
    private final Map<String, IniValue> values = new LinkedHashMap<>();

    IniSection(String name, Path file, int line) {
        this.name = name;
        this.file = file;
        this.line = line;
    }

    String name() {
        return name;
    }

    /** The file of the first header of this section. */
    Path file() {
        return file;
    }

    /** {@code file:line} of the first header of this section. */
    String location() {
        return file + ":" + line;
    }

    Optional<IniValue> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The keys written in this section (lower case), in order of first appearance. */
    Map<String, IniValue> values() {
        return Collections.unmodifiableMap(values);
    }

    void put(String key, IniValue value) {
        values.put(key, value);
    }
}
