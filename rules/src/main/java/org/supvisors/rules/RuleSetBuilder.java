package org.supvisors.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.supvisors.core.application.ApplicationRules;
import org.supvisors.core.strategy.StartingStrategy;
import org.supvisors.rules.xml.AliasType;
import org.supvisors.rules.xml.ApplicationType;
import org.supvisors.rules.xml.ProgramType;
import org.supvisors.rules.xml.Root;

/**
 * Merges the valid documents of the rules files into a {@link RuleSet}, as 0.19's parser does, in two passes: first
 * the name spaces of all files (aliases and models, a later definition replacing an earlier one), then every
 * application and program element, resolved and checked once. Patterns that are not regular expressions are fatal
 * problems; everything else 0.19 would log is a message.
 */
final class RuleSetBuilder {

    private record Located<T>(T xml, ElementPlaces places) {
    }

    private record Origin(Place place, String path) {
    }

    private final StartingStrategy defaultStartingStrategy;
    private final LoadMessages messages;
    private final List<String> problems = new ArrayList<>();
    private final Aliases aliases = new Aliases();
    private final Map<String, Located<ProgramType>> modelElements = new LinkedHashMap<>();
    private final Map<String, ProgramElement> models = new HashMap<>();
    private final List<Located<ApplicationType>> applicationElements = new ArrayList<>();
    private final Map<String, ApplicationRule> applicationNames = new HashMap<>();
    private final PatternIndex<ApplicationRule> applicationPatterns = new PatternIndex<>();
    private final Map<String, Origin> applicationPatternOrigins = new HashMap<>();

    RuleSetBuilder(StartingStrategy defaultStartingStrategy, LoadMessages messages) {
        this.defaultStartingStrategy = defaultStartingStrategy;
        this.messages = messages;
    }

    /** Pass 1: the aliases and models of a file, and its application elements for later. */
    void add(Root root, ElementPlaces places) {
        int aliasCount = 0;
        int modelCount = 0;
        int applicationCount = 0;
        for (Object item : root.getAliasOrModelOrApplication()) {
            if (item instanceof AliasType alias) {
                aliasCount++;
                addAlias(alias, places);
            } else if (item instanceof ProgramType model) {
                modelCount++;
                addModel(model, places);
            } else if (item instanceof ApplicationType application) {
                applicationCount++;
                applicationElements.add(new Located<>(application, places));
            } else {
                throw new IllegalStateException("rules: unexpected bound element " + item.getClass().getName()
                        + " (expected: alias, model or application)");
            }
        }
        messages.add(Place.of(places.file()), RulesMessage.info(places.file() + ": " + aliasCount + " alias(es), "
                + modelCount + " model(s), " + applicationCount + " application(s)"));
    }

    private void addAlias(AliasType alias, ElementPlaces places) {
        Place place = places.of(alias);
        String path = ElementTracker.describe("alias", alias.getName(), null);
        if (alias.getValue() == null || alias.getValue().isEmpty()) {
            messages.warning(place, path + ": empty (expected: a list of names); ignored");
            return;
        }
        if (aliases.define(alias.getName(), alias.getValue())) {
            messages.warning(place, path + ": defined again; this value replaces the earlier one, at its rank");
        }
    }

    private void addModel(ProgramType model, ElementPlaces places) {
        Place place = places.of(model);
        if (model.getName() == null) {
            messages.warning(place, ElementTracker.describe("model", null, model.getPattern())
                    + ": no name (expected: a name); never referenced");
            return;
        }
        Located<ProgramType> earlier = modelElements.put(model.getName(), new Located<>(model, places));
        if (earlier != null) {
            messages.warning(earlier.places().of(earlier.xml()), ElementTracker.describe("model", model.getName(), null)
                    + ": defined again at " + place + "; this definition is never used");
        }
    }

    /** Pass 2: every element resolved; the rule set, or every fatal problem. */
    RuleSet build() throws InvalidRulesException {
        modelElements.forEach((name, located) ->
                models.put(name, ProgramElement.model(located.xml(), located.places(), aliases, messages)));
        models.values().forEach(model -> checkReference(model, model.xml, modelElements.get(model.xml.getName())
                .places()));
        for (Located<ApplicationType> located : applicationElements) {
            addApplication(located.xml(), located.places());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        return new RuleSet(defaultStartingStrategy, applicationNames, applicationPatterns, messages.sorted());
    }

    private void checkReference(ProgramElement element, ProgramType xml, ElementPlaces places) {
        element.reference.filter(reference -> !models.containsKey(reference)).ifPresent(reference ->
                messages.warning(places.child(xml, "reference"), element.path + " > reference: \"" + reference
                        + "\" (expected: the name of a model); ignored"));
    }

    private void addApplication(ApplicationType xml, ElementPlaces places) {
        Place place = places.of(xml);
        String path = ElementTracker.describe("application", xml.getName(), xml.getPattern());
        if (xml.getName() == null && xml.getPattern() == null) {
            messages.warning(place, path + ": neither name nor pattern (expected: one of them); never used");
            return;
        }
        ApplicationRules rules = ApplicationRule.readRules(xml, path, places, aliases, defaultStartingStrategy,
                messages);
        Map<String, ProgramRule> programNames = new HashMap<>();
        Map<String, Place> programNamePlaces = new HashMap<>();
        PatternIndex<ProgramRule> programPatterns = new PatternIndex<>();
        Map<String, Origin> programPatternOrigins = new HashMap<>();
        List<ProgramType> programs = xml.getPrograms() == null ? List.of() : xml.getPrograms().getProgram();
        for (ProgramType programXml : programs) {
            ProgramElement program = ProgramElement.program(programXml, path, places, aliases, messages);
            if (programXml.getName() == null && programXml.getPattern() == null) {
                messages.warning(program.place, program.path + ": neither name nor pattern (expected: one of them);"
                        + " never used");
                continue;
            }
            checkReference(program, programXml, places);
            ProgramRule rule = ProgramRule.resolve(program, models, messages);
            if (programXml.getName() != null) {
                Place first = programNamePlaces.putIfAbsent(programXml.getName(), program.place);
                if (first == null) {
                    programNames.put(programXml.getName(), rule);
                } else {
                    messages.warning(program.place, program.path + ": name already given at " + first
                            + "; never selected by this name");
                }
            }
            if (programXml.getPattern() != null) {
                indexPattern(programXml.getPattern(), rule, program.place, program.path, programPatterns,
                        programPatternOrigins);
            }
        }
        ApplicationRule application = new ApplicationRule(xml, place, path, rules, programNames, programPatterns);
        if (xml.getName() != null) {
            ApplicationRule first = applicationNames.putIfAbsent(xml.getName(), application);
            if (first != null) {
                messages.warning(place, path + ": name already given at " + first.place
                        + "; never selected by this name");
            }
        }
        if (xml.getPattern() != null) {
            indexPattern(xml.getPattern(), application, place, path, applicationPatterns, applicationPatternOrigins);
        }
    }

    private <T> void indexPattern(String text, T value, Place place, String path, PatternIndex<T> index,
                                  Map<String, Origin> origins) {
        Pattern pattern;
        try {
            pattern = PatternIndex.compile(text);
        } catch (PatternSyntaxException e) {
            problems.add(place + ": " + path + ": not a regular expression: " + e.getDescription()
                    + " (expected: a regular expression, java.util.regex syntax)");
            return;
        }
        index.put(text, pattern, value);
        Origin earlier = origins.put(text, new Origin(place, path));
        if (earlier != null) {
            messages.warning(earlier.place(), earlier.path() + ": the same pattern again at " + place
                    + " replaces this element; never selected by this pattern");
        }
    }
}
