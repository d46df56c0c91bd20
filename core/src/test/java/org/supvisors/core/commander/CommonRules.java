package org.supvisors.core.commander;

import java.util.function.Function;

import org.supvisors.core.application.ApplicationRules;
import org.supvisors.core.context.RulesProvider;
import org.supvisors.core.process.ProcessRules;
import org.supvisors.core.strategy.StartingStrategy;

/** Rules for the simulated cluster: {@code common} managed by the rules given, every other application unmanaged. */
final class CommonRules {

    private CommonRules() {
    }

    /**
     * @param common the rules of the application {@code common}
     * @param worker the rules of its processes, from those of the application
     */
    static RulesProvider of(ApplicationRules common, Function<ApplicationRules, ProcessRules> worker) {
        return new RulesProvider() {
            @Override
            public ApplicationRules applicationRules(String name) {
                return name.equals("common") ? common : ApplicationRules.unmanaged(StartingStrategy.CONFIG);
            }

            @Override
            public ProcessRules processRules(ApplicationRules application, String applicationName,
                                             String processName, String programName) {
                return applicationName.equals("common") ? worker.apply(application)
                        : ProcessRules.defaults(application.startingFailureStrategy(),
                        application.runningFailureStrategy());
            }
        };
    }
}
