package org.supvisors.transport.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The file through which {@code supvisors.update_numprocs} changes the {@code numprocs} of a program:
 * {@value #FILE_NAME}, next to supervisord's configuration file, owned by the agent. It holds one section per
 * program changed, of the program's own kind ({@code [program:x]}, {@code [fcgi-program:x]} or
 * {@code [eventlistener:x]}), with {@code numprocs} only. supervisord's parser merges a section seen again in a
 * later file, the later value winning (Supervisor 4.2.5 on Python 3, checked): so the file must be the last one
 * supervisord reads, the last item of {@code files} in the {@code [include]} section of the main file (includes are
 * read after the whole main file, each glob's matches in sorted order).
 *
 * <p>Every method reads or writes files: call it from an I/O thread, one at a time.
 */
public final class NumprocsOverride {

    /** The name of the file, in the directory of supervisord's configuration file. */
    public static final String FILE_NAME = "supvisors-numprocs.conf";

    private static final String HEADER = String.join("\n",
            "# Written by supvisorsd for supvisors.update_numprocs: the numprocs of programs changed at run time.",
            "# supervisord must read this file after every other one: keep it the last item of files in [include].",
            "# A section overrides the numprocs of the program defined elsewhere; remove it to go back to the",
            "# program's own value (then supervisorctl update). Only numprocs lines are kept.",
            "");

    private final Path mainFile;
    private final Path file;
    private final Expansions expansions;

    /**
     * @param mainFile supervisord's configuration file, absolute and normalized
     * @param expansions the names supervisord expands in {@code files} of {@code [include]}
     */
    NumprocsOverride(Path mainFile, Expansions expansions) {
        this.mainFile = mainFile;
        this.file = mainFile.resolveSibling(FILE_NAME);
        this.expansions = expansions;
    }

    /** The override file. */
    public Path file() {
        return file;
    }

    /**
     * Why supervisord would not read the override file after every other file (one line naming the file to edit and
     * what to add), or empty when it would.
     */
    public Optional<String> includeProblem() {
        IniDocument document = new IniDocument(mainFile);
        try {
            IniParser.read(mainFile, document);
        } catch (IOException e) {
            return Optional.of(mainFile + ": cannot read supervisord's configuration file ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        } catch (ConfigurationException e) {
            return Optional.of(e.getMessage());
        }
        Optional<IniValue> files = document.value(SupervisordFiles.INCLUDE, "files");
        if (files.isEmpty()) {
            return Optional.of(file + " is not included by supervisord: add an [include] section with files = "
                    + FILE_NAME + " to " + mainFile);
        }
        String advice = ": end files of [include] in " + files.get().location() + " with " + FILE_NAME + " (now: files = "
                + files.get().shown() + ")";
        String expanded;
        try {
            expanded = expansions.expand(files.get());
        } catch (InvalidValueException e) {
            return Optional.of(files.get().location() + ": files=" + files.get().shown() + ": " + e.getMessage());
        }
        String[] globs = expanded.trim().split("\\s+");
        Path base = mainFile.getParent();
        Path last = base.resolve(globs[globs.length - 1]).normalize();
        if (globs[globs.length - 1].isEmpty() || !matches(last, file)) {
            return Optional.of(file + " is not the last file supervisord reads" + advice);
        }
        for (Path match : FileGlobs.glob(last)) {
            Path normalized = match.toAbsolutePath().normalize();
            if (normalized.toString().compareTo(file.toString()) > 0) {
                return Optional.of(normalized + " is read after " + file + advice);
            }
        }
        return Optional.empty();
    }

    /**
     * Sets the {@code numprocs} of a section, keeping the other sections but those of programs no longer defined in
     * another file (supervisord would refuse a program section without a command), and replaces the file atomically.
     *
     * @param header the section, e.g. {@code program:x}
     * @return the previous content of the file, empty when there was none (for {@link #restore})
     * @throws IOException when the file cannot be read or written
     * @throws ConfigurationException when the present file is not INI text
     */
    public Optional<String> write(String header, int numprocs) throws IOException, ConfigurationException {
        Optional<String> previous = Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                : Optional.empty();
        Map<String, String> sections = new TreeMap<>();
        if (previous.isPresent()) {
            IniDocument own = new IniDocument(file);
            IniParser.read(file, own);
            for (String name : own.sectionNames()) {
                own.value(name, "numprocs").ifPresent(value -> sections.put(name, value.text()));
            }
            dropStale(sections, header);
        }
        sections.put(header, Integer.toString(numprocs));
        StringBuilder text = new StringBuilder(HEADER);
        sections.forEach((name, value) -> text.append('\n').append('[').append(name).append("]\nnumprocs = ")
                .append(value).append('\n'));
        replace(text.toString());
        return previous;
    }

    /** Puts back what {@link #write} returned: the previous content, or no file. */
    public void restore(Optional<String> previous) throws IOException {
        if (previous.isPresent()) {
            replace(previous.get());
        } else {
            Files.deleteIfExists(file);
        }
    }

    /** Drops the sections that no other file defines (their program was removed from the configuration). */
    private void dropStale(Map<String, String> sections, String kept) {
        IniDocument all;
        try {
            all = SupervisordFiles.read(mainFile, expansions, new ArrayList<>());
        } catch (ConfigurationException e) {
            // supervisord's reloadConfig will say what is wrong; keep every section meanwhile
            return;
        }
        List<String> stale = new ArrayList<>();
        for (String name : sections.keySet()) {
            boolean elsewhere = all.section(name).map(section -> !section.file().equals(file)).orElse(false);
            if (!elsewhere && !name.equals(kept)) {
                stale.add(name);
            }
        }
        stale.forEach(sections::remove);
    }

    private void replace(String text) throws IOException {
        // a hidden name: no glob of [include] matches it, even while it exists
        Path temporary = file.resolveSibling("." + FILE_NAME + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Whether {@code path} matches the glob {@code pattern} (Python's {@code glob} rules), without reading disks. */
    static boolean matches(Path pattern, Path path) {
        if (pattern.getNameCount() != path.getNameCount() || !java.util.Objects.equals(pattern.getRoot(),
                path.getRoot())) {
            return false;
        }
        for (int index = 0; index < pattern.getNameCount(); index++) {
            String component = pattern.getName(index).toString();
            String name = path.getName(index).toString();
            if (FileGlobs.hasMagic(component)) {
                if (name.startsWith(".") && !component.startsWith(".")
                        || !FileGlobs.translate(component).matcher(name).matches()) {
                    return false;
                }
            } else if (!component.equals(name)) {
                return false;
            }
        }
        return true;
    }
}
