package org.supvisors.transport.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sections of supervisord's configuration file and of the files it includes, merged as supervisord's parser
 * merges them. A {@code [DEFAULT]} section is not a section: its keys are seen in every section that lacks them.
 */
final class IniDocument {

    static final String DEFAULT_SECTION = "DEFAULT";

    private final Map<String, IniSection> sections = new LinkedHashMap<>();
    private final IniSection defaults;
    private final List<Path> files = new ArrayList<>();

    IniDocument(Path mainFile) {
        defaults = new IniSection(DEFAULT_SECTION, mainFile, 0);
    }

    /** The section with this exact (case-sensitive) name. */
    Optional<IniSection> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }

    boolean hasSection(String name) {
        return sections.containsKey(name);
    }

    /** Section names in order of first appearance, {@code DEFAULT} excluded. */
    List<String> sectionNames() {
        return List.copyOf(sections.keySet());
    }

    /** The value of {@code key} in {@code section}, else in {@code [DEFAULT]}; empty when the section is absent. */
    Optional<IniValue> value(String section, String key) {
        IniSection found = sections.get(section);
        if (found == null) {
            return Optional.empty();
        }
        Optional<IniValue> value = found.value(key);
        return value.isPresent() ? value : defaults.value(key);
    }

    /** The files read, in reading order. */
    List<Path> files() {
        return List.copyOf(files);
    }

    IniSection defaults() {
        return defaults;
    }

    /** The section to fill for a header, created on first sight. */
    IniSection open(String name, Path file, int line) {
        if (DEFAULT_SECTION.equals(name)) {
            return defaults;
        }
        return sections.computeIfAbsent(name, n -> new IniSection(n, file, line));
    }

    void addFile(Path file) {
        files.add(file);
    }
}
