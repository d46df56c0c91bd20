package org.supvisors.dist.events;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.supvisors.client.event.ProcessEvent;
import org.supvisors.client.event.SupvisorsEvent;
import org.supvisors.client.event.SupvisorsEventListener;

/** Keeps every message a subscriber receives, in order, and its connections. Thread-safe. */
final class EventRecorder implements SupvisorsEventListener {

    private final List<SupvisorsEvent> events = new ArrayList<>();
    private int connections;
    private int disconnections;

    @Override
    public synchronized void onEvent(SupvisorsEvent event) {
        events.add(event);
    }

    @Override
    public synchronized void onConnected(URI endpoint) {
        connections++;
    }

    @Override
    public synchronized void onDisconnected(URI endpoint, String reason) {
        disconnections++;
    }

    synchronized List<SupvisorsEvent> all() {
        return new ArrayList<>(events);
    }

    synchronized <T extends SupvisorsEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    /** The state changes of {@code name} on the instance {@code identifier}, as state names. */
    synchronized List<String> states(String name, String identifier) {
        return of(ProcessEvent.class).stream()
                .filter(e -> e.name().equals(name) && e.identifier().equals(identifier))
                .map(ProcessEvent::stateName).collect(Collectors.toList());
    }

    synchronized boolean any(Predicate<SupvisorsEvent> condition) {
        return events.stream().anyMatch(condition);
    }

    synchronized int connections() {
        return connections;
    }

    synchronized int disconnections() {
        return disconnections;
    }

    synchronized void clear() {
        events.clear();
    }
}
