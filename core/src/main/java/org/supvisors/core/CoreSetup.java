package org.supvisors.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.context.RulesProvider;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.core.instance.NetworkInfo;

/**
 * What the core needs to know of its environment when it is created.
 *
 * @param options the {@code [supvisors]} options
 * @param localIdentity the local instance
 * @param declaredIdentities the instances of {@code supvisors_list} (the local one alone when the list is empty)
 * @param localNetwork the network identification of the local node
 * @param agentNamespec the agent's own process in its supervisord ({@code group:name}), kept out of the model
 * @param rules where the rules of applications and processes come from
 * @param disabilities the programs disabled on the local instance, as read from {@code disabilities_file}
 */
public record CoreSetup(SupvisorsOptions options, InstanceIdentity localIdentity,
                        List<InstanceIdentity> declaredIdentities, NetworkInfo localNetwork,
                        Optional<String> agentNamespec, RulesProvider rules, Map<String, Boolean> disabilities) {

    public CoreSetup {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(localIdentity, "localIdentity");
        declaredIdentities = List.copyOf(declaredIdentities);
        Objects.requireNonNull(localNetwork, "localNetwork");
        Objects.requireNonNull(agentNamespec, "agentNamespec");
        Objects.requireNonNull(rules, "rules");
        disabilities = Map.copyOf(disabilities);
    }
}
