package org.supvisors.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.supvisors.core.application.ApplicationRules;
import org.supvisors.core.process.ProcessRules;
import org.supvisors.core.strategy.StartingStrategy;

/** Rules files written for a test in a temporary directory, and loaded. */
final class RulesFiles {

    private static final RulesLoader LOADER = new RulesLoader();

    private final Path directory;
    private final List<Path> files = new ArrayList<>();

    RulesFiles(Path directory) {
        this.directory = directory;
    }

    /** Adds a file holding these elements inside {@code <root>}. */
    RulesFiles with(String elements) {
        Path file = directory.resolve("rules-" + files.size() + ".xml");
        try {
            Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n" + elements + "\n</root>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(file);
        return this;
    }

    List<Path> files() {
        return List.copyOf(files);
    }

    RuleSet load() {
        return load(StartingStrategy.CONFIG);
    }

    RuleSet load(StartingStrategy defaultStrategy) {
        try {
            return LOADER.load(files, defaultStrategy);
        } catch (InvalidRulesException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static ProcessRules process(RuleSet rules, String application, String process) {
        ApplicationRules applicationRules = rules.applicationRules(application);
        return rules.processRules(applicationRules, application, process, process.replaceFirst("_\\d+$", ""));
    }
}
