package org.supvisors.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.supvisors.core.CoreSetup;
import org.supvisors.core.Supvisors;
import org.supvisors.core.config.InstanceDeclaration;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.context.RulesProvider;
import org.supvisors.core.effect.Effect;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.core.instance.NetworkInfo;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.supervisor.LocalProcess;
import org.supvisors.core.time.ManualClock;

/**
 * One core instance on a manual clock, with its effects recorded: the building block of core tests.
 */
public final class CoreFixture {

    public final ManualClock clock = new ManualClock();
    public final List<Effect> effects = new ArrayList<>();
    public final Supvisors supvisors;
    public final InstanceIdentity local;

    private CoreFixture(SupvisorsOptions options, String localItem, RulesProvider rules) {
        List<InstanceIdentity> declared = options.supvisorsList().stream()
                .map(d -> InstanceIdentity.of(d, 60000)).collect(Collectors.toList());
        if (declared.isEmpty()) {
            declared = List.of(InstanceIdentity.ofSelf("supervisor", "localhost", 60000));
        }
        InstanceIdentity found = declared.get(0);
        for (InstanceIdentity identity : declared) {
            if (identity.identifier().equals(localItem) || identity.nickIdentifier().equals(localItem)) {
                found = identity;
            }
        }
        this.local = found;
        NetworkInfo network = new NetworkInfo("00:11:22:33:44:55", "localhost", Map.of());
        CoreSetup setup = new CoreSetup(options, local, declared, network, Optional.of("supvisors:supvisors"),
                rules == null ? RulesProvider.none(options.startingStrategy()) : rules, java.util.Map.of());
        this.supvisors = new Supvisors(setup, clock, effects::add);
    }

    /** A core whose {@code supvisors_list} is the given items, the local one being {@code localItem}. */
    public static CoreFixture of(SupvisorsOptions.Builder options, String localItem, String... items) {
        return withRules(options, null, localItem, items);
    }

    /** The same, with rules. */
    public static CoreFixture withRules(SupvisorsOptions.Builder options, RulesProvider rules, String localItem,
                                        String... items) {
        List<InstanceDeclaration> declarations = new ArrayList<>();
        for (String item : items) {
            declarations.add(declaration(item));
        }
        return new CoreFixture(options.supvisorsList(declarations).build(), localItem, rules);
    }

    /** A core alone in its {@code supvisors_list}. */
    public static CoreFixture alone() {
        return of(SupvisorsOptions.builder(), "localhost:60000", "localhost:60000");
    }

    public static InstanceDeclaration declaration(String item) {
        String nick = null;
        String rest = item;
        if (item.startsWith("<")) {
            nick = item.substring(1, item.indexOf('>'));
            rest = item.substring(item.indexOf('>') + 1);
        }
        String host = rest;
        Integer port = null;
        if (rest.contains(":")) {
            host = rest.substring(0, rest.indexOf(':'));
            port = Integer.parseInt(rest.substring(rest.indexOf(':') + 1));
        }
        return new InstanceDeclaration(item, Optional.ofNullable(nick), host, Optional.ofNullable(port));
    }

    /** A local process as supervisord would describe it. */
    public LocalProcess process(String group, String name, ProcessState state) {
        long now = (long) clock.epochTime();
        boolean running = state.isRunning() || state == ProcessState.STOPPING;
        return new LocalProcess(group, name, state, running ? now - 10 : 0, 0, now, running ? 4242 : 0,
                running ? "pid 4242, uptime 0:00:10" : "Not started", "", 0, state != ProcessState.FATAL, 1, 10,
                name, 0, true, true, "unexpected", true, false);
    }

    /** The effects of a type emitted so far, and forget them. */
    public <T extends Effect> List<T> drain(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Effect effect : new ArrayList<>(effects)) {
            if (type.isInstance(effect)) {
                found.add(type.cast(effect));
                effects.remove(effect);
            }
        }
        return found;
    }
}
