package org.supvisors.rules;

import java.util.Optional;

import org.supvisors.core.strategy.RunningFailureStrategy;
import org.supvisors.core.strategy.StartingFailureStrategy;
import org.supvisors.rules.xml.ProgramType;

/**
 * The values of one {@code model} or {@code program} element, as 0.19 loads them: a value is considered only when
 * its text is not empty; a negative sequence is ignored with an error. The schema has already checked types and
 * ranges.
 */
final class ProgramElement {

    final ProgramType xml;
    final Place place;
    final String path;
    final Optional<String> reference;
    final Optional<IdentifierList> identifiers;
    final Optional<Integer> startSequence;
    final Optional<Integer> stopSequence;
    final Optional<Boolean> required;
    final Optional<Boolean> waitExit;
    final Optional<Integer> expectedLoading;
    final Optional<StartingFailureStrategy> startingFailureStrategy;
    final Optional<RunningFailureStrategy> runningFailureStrategy;

    private ProgramElement(ProgramType xml, String path, ElementPlaces places, Aliases aliases,
                           LoadMessages messages) {
        this.xml = xml;
        this.place = places.of(xml);
        this.path = path;
        reference = Optional.ofNullable(xml.getReference());
        identifiers = Optional.ofNullable(xml.getIdentifiers()).filter(text -> !text.isEmpty())
                .map(text -> IdentifierList.read(text, aliases));
        startSequence = sequence(xml, "start_sequence", xml.getStartSequence(), places, messages);
        stopSequence = sequence(xml, "stop_sequence", xml.getStopSequence(), places, messages);
        required = Optional.ofNullable(xml.isRequired());
        waitExit = Optional.ofNullable(xml.isWaitExit());
        expectedLoading = Optional.ofNullable(xml.getExpectedLoading());
        startingFailureStrategy = Optional.ofNullable(xml.getStartingFailureStrategy())
                .map(value -> StartingFailureStrategy.valueOf(value.name()));
        runningFailureStrategy = Optional.ofNullable(xml.getRunningFailureStrategy())
                .map(value -> RunningFailureStrategy.valueOf(value.name()));
    }

    /** A {@code model} element. */
    static ProgramElement model(ProgramType xml, ElementPlaces places, Aliases aliases, LoadMessages messages) {
        return new ProgramElement(xml, ElementTracker.describe("model", xml.getName(), xml.getPattern()), places,
                aliases, messages);
    }

    /** A {@code program} element of an application element described by {@code applicationPath}. */
    static ProgramElement program(ProgramType xml, String applicationPath, ElementPlaces places, Aliases aliases,
                                  LoadMessages messages) {
        return new ProgramElement(xml, applicationPath + " > programs > "
                + ElementTracker.describe("program", xml.getName(), xml.getPattern()), places, aliases, messages);
    }

    private Optional<Integer> sequence(ProgramType xml, String element, Byte value, ElementPlaces places,
                                       LoadMessages messages) {
        return checkedSequence(value, places.child(xml, element), path + " > " + element, messages);
    }

    /** 0.19's {@code load_sequence}: a sequence is an integer >= 0; a negative one is ignored with an error. */
    static Optional<Integer> checkedSequence(Byte value, Place place, String path, LoadMessages messages) {
        if (value == null) {
            return Optional.empty();
        }
        if (value < 0) {
            messages.error(place, path + ": " + value + " (expected: an integer >= 0); ignored");
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }
}
