package org.supvisors.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.supvisors.core.application.ApplicationRules;
import org.supvisors.core.strategy.DistributionRule;
import org.supvisors.core.strategy.RunningFailureStrategy;
import org.supvisors.core.strategy.StartingFailureStrategy;
import org.supvisors.core.strategy.StartingStrategy;
import org.supvisors.rules.xml.ApplicationType;

/**
 * An {@code application} element resolved once: its rules (0.19's {@code load_application_rules}, its checks) and
 * the index of its programs, by process name (first element wins) and by pattern.
 */
final class ApplicationRule {

    final ApplicationType xml;
    final Place place;
    final String path;
    private final ApplicationRules rules;
    private final Map<String, ProgramRule> programNames;
    private final PatternIndex<ProgramRule> programPatterns;

    ApplicationRule(ApplicationType xml, Place place, String path, ApplicationRules rules,
                    Map<String, ProgramRule> programNames, PatternIndex<ProgramRule> programPatterns) {
        this.xml = xml;
        this.place = place;
        this.path = path;
        this.rules = rules;
        this.programNames = Map.copyOf(programNames);
        this.programPatterns = programPatterns;
    }

    ApplicationRules rules() {
        return rules;
    }

    /** The rules of a process of this application: by its name first, then by the best pattern. */
    Optional<ProcessTemplate> process(String processName) {
        ProgramRule named = programNames.get(processName);
        if (named != null) {
            return Optional.of(named.byName());
        }
        return programPatterns.best(processName).map(ProgramRule::byPattern);
    }

    /** The application values of an element, checked as 0.19 does. */
    static ApplicationRules readRules(ApplicationType xml, String path, ElementPlaces places, Aliases aliases,
                                      StartingStrategy defaultStartingStrategy, LoadMessages messages) {
        DistributionRule distribution = xml.getDistribution() == null ? DistributionRule.ALL_INSTANCES
                : DistributionRule.valueOf(xml.getDistribution().name());
        List<String> identifiers = List.of(IdentifierList.WILDCARD);
        boolean hashSign = false;
        if (xml.getIdentifiers() != null && !xml.getIdentifiers().isEmpty()) {
            IdentifierList list = IdentifierList.read(xml.getIdentifiers(), aliases);
            Place place = places.child(xml, "identifiers");
            hashSign = list.hash();
            identifiers = list.names();
            if (list.at() && list.hash()) {
                messages.error(place, path + " > identifiers: '@' (expected: names, * or '#' for an application);"
                        + " '@' ignored, '#' applies");
            } else if (list.at()) {
                messages.error(place, path + " > identifiers: '@' (expected: names, * or '#' for an application);"
                        + " the application has no candidate instance");
                identifiers = List.of();
            }
        }
        int start = ProgramElement.checkedSequence(xml.getStartSequence(), places.child(xml, "start_sequence"),
                path + " > start_sequence", messages).orElse(0);
        int stop = ProgramElement.checkedSequence(xml.getStopSequence(), places.child(xml, "stop_sequence"),
                path + " > stop_sequence", messages).orElse(start);
        StartingStrategy startingStrategy = xml.getStartingStrategy() == null ? defaultStartingStrategy
                : StartingStrategy.valueOf(xml.getStartingStrategy().name());
        StartingFailureStrategy startingFailure = xml.getStartingFailureStrategy() == null
                ? StartingFailureStrategy.ABORT : StartingFailureStrategy.valueOf(xml.getStartingFailureStrategy().name());
        RunningFailureStrategy runningFailure = xml.getRunningFailureStrategy() == null
                ? RunningFailureStrategy.CONTINUE : RunningFailureStrategy.valueOf(xml.getRunningFailureStrategy().name());
        String formula = "";
        if (xml.getOperationalStatus() != null && !xml.getOperationalStatus().isEmpty()) {
            String text = xml.getOperationalStatus().strip();
            Optional<String> rejection = FormulaSyntax.check(text);
            if (rejection.isPresent()) {
                messages.error(places.child(xml, "operational_status"), path + " > operational_status: \""
                        + SchemaErrors.shorten(text) + "\": " + rejection.get() + " (expected: one Python"
                        + " expression); no formula, the required flags apply");
            } else {
                formula = text;
            }
        }
        return new ApplicationRules(true, distribution, identifiers, hashSign, start, stop, startingStrategy,
                startingFailure, runningFailure, formula);
    }
}
