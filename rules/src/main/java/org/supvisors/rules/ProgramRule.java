package org.supvisors.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.supvisors.core.process.IdentifierSign;
import org.supvisors.core.strategy.RunningFailureStrategy;
import org.supvisors.core.strategy.StartingFailureStrategy;

/**
 * A {@code program} element resolved once: its model chain applied (0.19's {@code load_model_rules}), then 0.19's
 * checks ({@code check_dependencies}), logged once here rather than for every process. The signs depend on how the
 * element is selected, so the element has one template when selected by name and one when selected by pattern.
 */
final class ProgramRule {

    /** 0.19's LOOP_CHECK: a program, a model, a model; the next model is ignored. */
    static final int MAXIMUM_REFERENCES = 3;

    private final Optional<ProcessTemplate> byName;
    private final Optional<ProcessTemplate> byPattern;

    private ProgramRule(Optional<ProcessTemplate> byName, Optional<ProcessTemplate> byPattern) {
        this.byName = byName;
        this.byPattern = byPattern;
    }

    /** The rules of a process selected by the element's name. */
    ProcessTemplate byName() {
        return byName.orElseThrow();
    }

    /** The rules of a process selected by the element's pattern. */
    ProcessTemplate byPattern() {
        return byPattern.orElseThrow();
    }

    /** The values of 0.19's ProcessRules while the chain is loaded. */
    private static final class Values {
        List<String> identifiers = List.of(IdentifierList.WILDCARD);
        List<String> atIdentifiers = List.of();
        List<String> hashIdentifiers = List.of();
        int startSequence;
        Optional<Integer> stopSequence = Optional.empty();
        boolean required;
        boolean waitExit;
        int expectedLoading;
        Optional<StartingFailureStrategy> startingFailureStrategy = Optional.empty();
        Optional<RunningFailureStrategy> runningFailureStrategy = Optional.empty();

        void apply(ProgramElement element) {
            element.identifiers.ifPresent(list -> {
                if (list.at()) {
                    atIdentifiers = list.names();
                    identifiers = List.of();
                }
                if (list.hash()) {
                    hashIdentifiers = list.names();
                    identifiers = List.of();
                }
                if (!list.at() && !list.hash()) {
                    identifiers = list.names();
                }
            });
            element.startSequence.ifPresent(value -> startSequence = value);
            element.stopSequence.ifPresent(value -> stopSequence = Optional.of(value));
            element.required.ifPresent(value -> required = value);
            element.waitExit.ifPresent(value -> waitExit = value);
            element.expectedLoading.ifPresent(value -> expectedLoading = value);
            element.startingFailureStrategy.ifPresent(value -> startingFailureStrategy = Optional.of(value));
            element.runningFailureStrategy.ifPresent(value -> runningFailureStrategy = Optional.of(value));
        }

        ProcessTemplate template(boolean keepAt, boolean keepHash) {
            List<String> names = identifiers;
            IdentifierSign sign = IdentifierSign.NONE;
            if (!atIdentifiers.isEmpty() && keepAt) {
                names = atIdentifiers;
                sign = IdentifierSign.AT;
            } else if (!hashIdentifiers.isEmpty() && keepHash) {
                names = hashIdentifiers;
                sign = IdentifierSign.HASH;
            } else if (!atIdentifiers.isEmpty() || !hashIdentifiers.isEmpty()) {
                names = List.of(IdentifierList.WILDCARD);
            }
            return new ProcessTemplate(names, sign, startSequence, stopSequence.orElse(startSequence), required,
                    waitExit, expectedLoading, startingFailureStrategy, runningFailureStrategy);
        }
    }

    static ProgramRule resolve(ProgramElement program, Map<String, ProgramElement> models, LoadMessages messages) {
        Values values = new Values();
        List<String> chain = new ArrayList<>();
        load(program, values, MAXIMUM_REFERENCES, chain, models, messages, program);
        boolean hasAt = !values.atIdentifiers.isEmpty();
        boolean hasHash = !values.hashIdentifiers.isEmpty();
        String name = program.xml.getName();
        String pattern = program.xml.getPattern();
        if (name != null && (hasAt || hasHash)) {
            messages.error(program.place, program.path + ": " + signs(hasAt, hasHash) + " in identifiers of a program"
                    + " selected by name (expected: a sign only in a program selected by pattern); identifiers reset"
                    + " to *" + (pattern == null ? "" : " when the element is selected by its name"));
        }
        if (pattern != null && hasAt && hasHash) {
            messages.error(program.place, program.path + ": both '#' and '@' in identifiers (expected: one sign); '#'"
                    + " dropped");
        }
        if (values.required && values.startSequence == 0) {
            messages.error(program.place, program.path + ": required without start_sequence (expected: a"
                    + " start_sequence > 0 for a required program); required forced to false");
            values.required = false;
        }
        return new ProgramRule(Optional.ofNullable(name).map(n -> values.template(false, false)),
                Optional.ofNullable(pattern).map(p -> values.template(true, true)));
    }

    /** 0.19's {@code load_model_rules}: the referenced model first, then the element overrides it. */
    private static void load(ProgramElement element, Values values, int referencesLeft, List<String> chain,
                             Map<String, ProgramElement> models, LoadMessages messages, ProgramElement program) {
        chain.add(ElementTracker.describe(chain.isEmpty() ? "program" : "model", element.xml.getName(),
                element.xml.getPattern()));
        if (referencesLeft == 0) {
            messages.warning(program.place, program.path + ": references " + String.join(" -> ", chain)
                    + ": maximum number " + MAXIMUM_REFERENCES + " of references reached (expected: program -> model"
                    + " -> model); the last model ignored");
            return;
        }
        Optional<ProgramElement> model = element.reference.map(models::get);
        model.ifPresent(m -> load(m, values, referencesLeft - 1, chain, models, messages, program));
        values.apply(element);
    }

    private static String signs(boolean at, boolean hash) {
        return at && hash ? "'#' and '@'" : at ? "'@'" : "'#'";
    }
}
