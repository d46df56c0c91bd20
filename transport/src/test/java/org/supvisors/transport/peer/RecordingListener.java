package org.supvisors.transport.peer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.supvisors.core.peer.PeerMessage;

/** Records what a transport tells: link events in order, messages per sender in order. */
final class RecordingListener implements PeerListener {

    private final List<String> events = new ArrayList<>();
    private final Map<String, List<PeerMessage>> messages = new LinkedHashMap<>();

    @Override
    public synchronized void onConnected(String identifier) {
        events.add("connected " + identifier);
    }

    @Override
    public synchronized void onMessage(String identifier, PeerMessage message) {
        messages.computeIfAbsent(identifier, k -> new ArrayList<>()).add(message);
    }

    @Override
    public synchronized void onLost(String identifier, String reason) {
        events.add("lost " + identifier + ": " + reason);
    }

    synchronized List<String> events() {
        return new ArrayList<>(events);
    }

    synchronized List<PeerMessage> messagesFrom(String identifier) {
        return new ArrayList<>(messages.getOrDefault(identifier, List.of()));
    }
}
