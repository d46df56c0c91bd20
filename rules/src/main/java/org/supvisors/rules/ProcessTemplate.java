package org.supvisors.rules;

import java.util.List;
import java.util.Optional;

import org.supvisors.core.application.ApplicationRules;
import org.supvisors.core.process.IdentifierSign;
import org.supvisors.core.process.ProcessRules;
import org.supvisors.core.strategy.RunningFailureStrategy;
import org.supvisors.core.strategy.StartingFailureStrategy;

/**
 * The rules that a program element gives its processes, all checked; only the failure strategies that the element
 * (or its models) leaves unset come from the application, when a process asks.
 */
record ProcessTemplate(List<String> identifiers, IdentifierSign sign, int startSequence, int stopSequence,
                       boolean required, boolean waitExit, int expectedLoading,
                       Optional<StartingFailureStrategy> startingFailureStrategy,
                       Optional<RunningFailureStrategy> runningFailureStrategy) {

    ProcessTemplate {
        identifiers = List.copyOf(identifiers);
    }

    ProcessRules rules(ApplicationRules application) {
        return new ProcessRules(identifiers, sign, startSequence, stopSequence, required, waitExit, expectedLoading,
                startingFailureStrategy.orElse(application.startingFailureStrategy()),
                runningFailureStrategy.orElse(application.runningFailureStrategy()));
    }
}
