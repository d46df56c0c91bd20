package org.supvisors.transport.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads supervisord's configuration file and the files its {@code [include]} section names, as supervisord 4.2.5
 * does: {@code files} is expanded ({@code %(here)s}, {@code %(host_node_name)s}, {@code %(ENV_X)s}), split at white
 * space, each glob is taken relative to the main file's directory, and the matching files are read in sorted order
 * into the same sections. Only the main file's {@code [include]} is followed: supervisord reads no nested includes,
 * so neither does the agent (it warns about them instead), otherwise it would see programs that supervisord has not.
 */
final class SupervisordFiles {

    static final String INCLUDE = "include";

    private SupervisordFiles() {
    }

    /**
     * Reads {@code mainFile} and its includes.
     *
     * @param mainFile an absolute, normalized path
     * @param messages receives the included files (INFO) and the globs that match nothing (WARNING)
     * @throws ConfigurationException when the main file or an included one cannot be parsed, or the main file cannot
     *     be read
     */
    static IniDocument read(Path mainFile, Expansions expansions, List<ConfigMessage> messages)
            throws ConfigurationException {
        IniDocument document = new IniDocument(mainFile);
        try {
            IniParser.read(mainFile, document);
        } catch (IOException e) {
            throw new ConfigurationException(mainFile + ": cannot read supervisord's configuration file ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        Optional<IniSection> include = document.section(INCLUDE);
        if (include.isEmpty()) {
            return document;
        }
        IniValue files = document.value(INCLUDE, "files").orElseThrow(() -> new ConfigurationException(
                include.get().location() + ": [include] section has no files setting (expected: files = <globs>)"));
        String expanded;
        try {
            expanded = expansions.expand(files);
        } catch (InvalidValueException e) {
            throw new ConfigurationException(files.location() + ": files=" + files.shown() + ": " + e.getMessage());
        }
        Path base = mainFile.getParent();
        for (String glob : expanded.trim().split("\\s+")) {
            if (glob.isEmpty()) {
                continue;
            }
            Path pattern = base.resolve(glob);
            List<String> matches = new ArrayList<>();
            for (Path match : FileGlobs.glob(pattern)) {
                matches.add(match.toString());
            }
            if (matches.isEmpty()) {
                messages.add(ConfigMessage.warning(files.location() + ": No file matches via include \"" + pattern
                        + "\""));
                continue;
            }
            matches.sort(null);
            for (String match : matches) {
                Path included = Path.of(match).toAbsolutePath().normalize();
                messages.add(ConfigMessage.info("Included extra file \"" + match + "\" during parsing"));
                try {
                    Set<String> sections = IniParser.read(included, document);
                    if (sections.contains(INCLUDE)) {
                        messages.add(ConfigMessage.warning(included + ": [include] section ignored: supervisord"
                                + " only follows the [include] of its main configuration file"));
                    }
                } catch (IOException e) {
                    // supervisord's parser skips an included file that it cannot open
                    messages.add(ConfigMessage.warning(included + ": included file skipped, as supervisord does: "
                            + e.getClass().getSimpleName() + ": " + e.getMessage()));
                }
            }
        }
        return document;
    }
}
