package org.supvisors.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.strategy.StartingStrategy;

/**
 * Loads the rules files: each one read with a hardened parser and validated against the rules XSD, then all merged
 * into a {@link RuleSet}.
 *
 * <p>Contract for the agent: call once at start-up, after logging is configured, off any event loop (it reads
 * files). Either it returns the rule set, whose {@link RuleSet#messages()} are to be logged at their level (what
 * 0.19 logs: values ignored or reset; none of them stops the agent), or it throws {@link InvalidRulesException}
 * listing every problem of every file (unreadable, not well-formed, DOCTYPE, not valid, pattern not a regular
 * expression), and the agent must refuse to start. No file, no rule: every application is unmanaged.
 *
 * <p>The schema is compiled once per loader; a loader may be reused, one loading at a time. The rule set it
 * returns is immutable and safe to share.
 */
public final class RulesLoader {

    private final RulesFileReader reader = new RulesFileReader();

    /** The rules files of the options ({@code rules_files}, already resolved to sorted absolute paths). */
    public RuleSet load(SupvisorsOptions options) throws InvalidRulesException {
        return load(options.rulesFiles().stream().map(Path::of).toList(), options.startingStrategy());
    }

    /**
     * Loads files in the order given.
     *
     * @param defaultStartingStrategy the starting strategy of applications that their rules do not set (the
     *     {@code starting_strategy} option)
     */
    public RuleSet load(List<Path> files, StartingStrategy defaultStartingStrategy) throws InvalidRulesException {
        if (files.isEmpty()) {
            return RuleSet.empty(defaultStartingStrategy);
        }
        List<String> problems = new ArrayList<>();
        List<RulesFileReader.Reading> readings = new ArrayList<>();
        for (Path file : files) {
            RulesFileReader.Reading reading = reader.read(file);
            problems.addAll(reading.problems());
            readings.add(reading);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        LoadMessages messages = new LoadMessages(readings.stream().map(RulesFileReader.Reading::file).toList());
        RuleSetBuilder builder = new RuleSetBuilder(defaultStartingStrategy, messages);
        for (RulesFileReader.Reading reading : readings) {
            reading.warnings().forEach(warning -> messages.add(Place.of(reading.file()), warning));
            builder.add(reading.root().orElseThrow(), reading.places());
        }
        return builder.build();
    }
}
