package org.supvisors.client.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of an application ({@code get_application_rules}); an unmanaged application has none.
 *
 * @param applicationName the group name
 * @param managed whether the rules manage it
 * @param rules the rules, present exactly when the application is managed
 * @param raw the whole struct as received, unknown keys included
 */
public record ApplicationRules(String applicationName, boolean managed, Optional<Managed> rules,
                               Map<String, Object> raw) {

    /** Copies {@code raw} into a read-only map. */
    public ApplicationRules {
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as the agent sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static ApplicationRules fromMap(Map<String, ?> map) {
        Struct s = Struct.of("ApplicationRules", map);
        boolean managed = s.bool("managed");
        return new ApplicationRules(s.string("application_name"), managed,
                managed ? Optional.of(Managed.of(s)) : Optional.empty(), s.raw());
    }

    /**
     * The rules of a managed application.
     *
     * @param distribution how its processes may be spread
     * @param identifiers the names written in the rules (identifiers, nicknames, stereotypes), {@code ["*"]} for
     *                    all; for a {@code #} rule the one assigned; empty for an {@code @} rule
     * @param startSequence its rank in the automatic start sequence (0: not started automatically)
     * @param stopSequence its rank in the stop sequence
     * @param startingStrategy the strategy of its automatic start
     * @param startingFailureStrategy what happens when one of its processes fails to start
     * @param runningFailureStrategy what happens when one of its processes crashes
     * @param statusFormula the operational status formula, {@code ""} if none
     */
    public record Managed(DistributionRule distribution, List<String> identifiers, int startSequence,
                          int stopSequence, StartingStrategy startingStrategy,
                          StartingFailureStrategy startingFailureStrategy,
                          RunningFailureStrategy runningFailureStrategy, String statusFormula) {

        /** Copies the list into a read-only one. */
        public Managed {
            identifiers = List.copyOf(identifiers);
        }

        static Managed of(Struct s) {
            return new Managed(s.name("distribution", DistributionRule::fromName), s.strings("identifiers"),
                    s.integer("start_sequence"), s.integer("stop_sequence"),
                    s.name("starting_strategy", StartingStrategy::fromName),
                    s.name("starting_failure_strategy", StartingFailureStrategy::fromName),
                    s.name("running_failure_strategy", RunningFailureStrategy::fromName), s.string("status_formula"));
        }
    }
}
