package org.supvisors.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The non-fatal messages of a loading, each with its place, given back in file order then document order whatever
 * the order of the checks.
 */
final class LoadMessages {

    private record Entry(int rank, int line, int column, int order, RulesMessage message) {
    }

    private final List<String> files;
    private final List<Entry> entries = new ArrayList<>();

    LoadMessages(List<String> files) {
        this.files = files;
    }

    void error(Place place, String text) {
        add(place, RulesMessage.error(place + ": " + text));
    }

    void warning(Place place, String text) {
        add(place, RulesMessage.warning(place + ": " + text));
    }

    void add(Place place, RulesMessage message) {
        int rank = files.indexOf(place.file());
        entries.add(new Entry(rank < 0 ? files.size() : rank, place.line(), place.column(), entries.size(), message));
    }

    List<RulesMessage> sorted() {
        return entries.stream()
                .sorted(Comparator.comparingInt(Entry::rank).thenComparingInt(Entry::line)
                        .thenComparingInt(Entry::column).thenComparingInt(Entry::order))
                .map(Entry::message)
                .toList();
    }
}
