package org.supvisors.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.supvisors.core.application.ApplicationRules;
import org.supvisors.core.context.RulesProvider;
import org.supvisors.core.process.ProcessRules;
import org.supvisors.core.strategy.StartingStrategy;

/**
 * The rules of the rules files, merged and checked: an immutable {@link RulesProvider}. An application takes the
 * first {@code application} element of its name (file order, then document order), else the element of the best
 * pattern; a process takes, within that element, the first {@code program} element of its process name, else the
 * best program pattern. Lookups are cached per name, so each costs one hash lookup after the first; safe for
 * concurrent use.
 */
public final class RuleSet implements RulesProvider {

    private record ProcessKey(String applicationName, String processName) {
    }

    private final StartingStrategy defaultStartingStrategy;
    private final Map<String, ApplicationRule> applicationNames;
    private final PatternIndex<ApplicationRule> applicationPatterns;
    private final List<RulesMessage> messages;
    private final ApplicationRules unmanaged;
    private final ConcurrentMap<String, Optional<ApplicationRule>> applications = new ConcurrentHashMap<>();
    private final ConcurrentMap<ProcessKey, Optional<ProcessTemplate>> processes = new ConcurrentHashMap<>();

    RuleSet(StartingStrategy defaultStartingStrategy, Map<String, ApplicationRule> applicationNames,
            PatternIndex<ApplicationRule> applicationPatterns, List<RulesMessage> messages) {
        this.defaultStartingStrategy = Objects.requireNonNull(defaultStartingStrategy, "defaultStartingStrategy");
        this.applicationNames = Map.copyOf(applicationNames);
        this.applicationPatterns = applicationPatterns;
        this.messages = List.copyOf(messages);
        this.unmanaged = ApplicationRules.unmanaged(defaultStartingStrategy);
    }

    /**
     * No rule: every application unmanaged, with {@code defaultStartingStrategy} (the {@code starting_strategy}
     * option) as its starting strategy.
     */
    public static RuleSet empty(StartingStrategy defaultStartingStrategy) {
        return new RuleSet(defaultStartingStrategy, Map.of(), new PatternIndex<>(), List.of());
    }

    /** What the loading found worth saying (0.19's logs of ignored or reset values, and more), in file order. */
    public List<RulesMessage> messages() {
        return messages;
    }

    /** The default starting strategy of applications. */
    public StartingStrategy defaultStartingStrategy() {
        return defaultStartingStrategy;
    }

    @Override
    public ApplicationRules applicationRules(String applicationName) {
        return application(applicationName).map(ApplicationRule::rules).orElse(unmanaged);
    }

    /**
     * {@inheritDoc} The process name is matched, as in 0.19 ({@code converter_03} for a homogeneous program); the
     * program name is not used. The failure strategies that the rules leave unset are those of {@code application}.
     */
    @Override
    public ProcessRules processRules(ApplicationRules application, String applicationName, String processName,
                                     String programName) {
        return processes.computeIfAbsent(new ProcessKey(applicationName, processName),
                        key -> application(applicationName).flatMap(rule -> rule.process(processName)))
                .map(template -> template.rules(application))
                .orElseGet(() -> ProcessRules.defaults(application.startingFailureStrategy(),
                        application.runningFailureStrategy()));
    }

    private Optional<ApplicationRule> application(String applicationName) {
        return applications.computeIfAbsent(applicationName, name -> {
            ApplicationRule named = applicationNames.get(name);
            return named != null ? Optional.of(named) : applicationPatterns.best(name);
        });
    }
}
