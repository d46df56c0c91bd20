package org.supvisors.core.publication;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.supvisors.core.application.ApplicationState;
import org.supvisors.core.application.ApplicationStatus;
import org.supvisors.core.effect.EffectSink;
import org.supvisors.core.effect.PublishEvent;
import org.supvisors.core.instance.SupvisorsInstance;
import org.supvisors.core.process.ProcessEvent;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.statistics.HostStatistics;
import org.supvisors.core.statistics.ProcessStatistics;
import org.supvisors.core.time.Clock;

/**
 * Turns the changes of the model into the messages of the event interface (event-interface.md), with 0.19's
 * topics and keys.
 */
public final class EventPublisher implements ModelListener {

    public static final String SUPVISORS = "supvisors";
    public static final String INSTANCE = "instance";
    public static final String APPLICATION = "application";
    public static final String EVENT = "event";
    public static final String PROCESS = "process";
    public static final String HSTATS = "hstats";
    public static final String PSTATS = "pstats";

    private final EffectSink effects;
    private final Clock clock;
    private final Supplier<Map<String, Object>> supvisorsState;
    private Map<String, Object> lastSupvisorsState;

    /**
     * @param supvisorsState the structure of {@code get_supvisors_state}, built when needed
     */
    public EventPublisher(EffectSink effects, Clock clock, Supplier<Map<String, Object>> supvisorsState) {
        this.effects = effects;
        this.clock = clock;
        this.supvisorsState = supvisorsState;
    }

    @Override
    public void instanceChanged(SupvisorsInstance instance) {
        effects.emit(new PublishEvent(INSTANCE, instance.toMap()));
    }

    @Override
    public void processEvent(SupvisorsInstance origin, ProcessEvent event, boolean disabled) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identifier", origin.identifier());
        body.put("nick_identifier", origin.nickIdentifier());
        body.put("group", event.group());
        body.put("name", event.name());
        body.put("state", event.state().code());
        body.put("now", (double) event.now());
        body.put("now_monotonic", event.nowMonotonic());
        body.put("pid", event.pid());
        body.put("expected", event.expected());
        body.put("spawnerr", event.spawnerr());
        body.put("extra_args", event.extraArgs());
        body.put("disabled", disabled);
        body.put("event_mtime", clock.monotonic());
        effects.emit(new PublishEvent(EVENT, body));
    }

    @Override
    public void forcedEvent(String identifier, String nickIdentifier, String group, String name, int state,
                            String reason, long now, double nowMonotonic, String extraArgs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identifier", identifier);
        body.put("nick_identifier", nickIdentifier);
        body.put("group", group);
        body.put("name", name);
        body.put("state", state);
        body.put("now", (double) now);
        body.put("now_monotonic", nowMonotonic);
        body.put("pid", 0);
        body.put("expected", false);
        body.put("spawnerr", reason);
        body.put("extra_args", extraArgs);
        body.put("event_mtime", clock.monotonic());
        effects.emit(new PublishEvent(EVENT, body));
    }

    /** 0.19's shape: the local process info (this version adds the identifier and nickname). */
    @Override
    public void disabilityChanged(SupvisorsInstance origin, ProcessStatus process) {
        process.info(origin.identifier()).ifPresent(info -> {
            Map<String, Object> body = new LinkedHashMap<>(info.toSnapshot().toMap());
            body.put("identifier", origin.identifier());
            body.put("nick_identifier", origin.nickIdentifier());
            effects.emit(new PublishEvent(EVENT, body));
        });
    }

    @Override
    public void processRemoved(SupvisorsInstance origin, String group, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("group", group);
        body.put("state", ProcessState.DELETED.code());
        effects.emit(new PublishEvent(EVENT, body));
    }

    @Override
    public void processChanged(ProcessStatus process, boolean deleted) {
        Map<String, Object> body = process.toMap(clock.monotonic());
        if (deleted) {
            body.put("statecode", ProcessState.DELETED.code());
            body.put("statename", ProcessState.DELETED.name());
        }
        effects.emit(new PublishEvent(PROCESS, body));
    }

    @Override
    public void applicationChanged(ApplicationStatus application, boolean deleted) {
        Map<String, Object> body = application.toMap(clock.monotonic());
        if (deleted) {
            body.put("statecode", ApplicationState.DELETED.code());
            body.put("statename", ApplicationState.DELETED.name());
        }
        effects.emit(new PublishEvent(APPLICATION, body));
    }

    /** Publishes the Supvisors status when it differs from the last one published (time aside). */
    @Override
    public void stateModesChanged() {
        Map<String, Object> state = supvisorsState.get();
        Map<String, Object> comparable = new LinkedHashMap<>(state);
        comparable.remove("now_monotonic");
        if (!comparable.equals(lastSupvisorsState)) {
            lastSupvisorsState = comparable;
            effects.emit(new PublishEvent(SUPVISORS, state));
        }
    }

    @Override
    public void hostStatistics(HostStatistics statistics) {
        effects.emit(new PublishEvent(HSTATS, statistics.toMap(clock.monotonic())));
    }

    @Override
    public void processStatistics(ProcessStatistics statistics) {
        effects.emit(new PublishEvent(PSTATS, statistics.toMap(clock.monotonic())));
    }
}
