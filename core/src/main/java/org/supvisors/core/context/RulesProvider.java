package org.supvisors.core.context;

import org.supvisors.core.application.ApplicationRules;
import org.supvisors.core.process.ProcessRules;

/**
 * Where the rules of applications and processes come from: the rules files, or the defaults when there are none.
 */
public interface RulesProvider {

    /** The rules of an application, by its name. */
    ApplicationRules applicationRules(String applicationName);

    /** The rules of a process of an application whose rules are given. */
    ProcessRules processRules(ApplicationRules application, String applicationName, String processName,
                              String programName);

    /**
     * No rules at all: every application unmanaged with the documented defaults; {@code starting_strategy} is the
     * default strategy (0.19 forgets it without a rules parser; we always apply it).
     */
    static RulesProvider none(org.supvisors.core.strategy.StartingStrategy defaultStrategy) {
        return new RulesProvider() {
            @Override
            public ApplicationRules applicationRules(String applicationName) {
                return ApplicationRules.unmanaged(defaultStrategy);
            }

            @Override
            public ProcessRules processRules(ApplicationRules application, String applicationName,
                                             String processName, String programName) {
                return ProcessRules.defaults(application.startingFailureStrategy(),
                        application.runningFailureStrategy());
            }
        };
    }
}
