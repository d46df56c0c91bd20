package org.supvisors.bench.commander;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.supvisors.bench.command.BenchException;
import org.supvisors.bench.workload.XmlRpcAnswer;

/**
 * One process as {@code supvisors.get_process_info} shows it: its state, the instances it runs on, and the agent's
 * monotonic clock at its last event and at the answer.
 */
record ProcessView(String namespec, String state, List<String> identifiers, double lastEventMtime,
                   double nowMonotonic) {

    /** The processes of an answer of {@code get_process_info}; a fault is thrown with its text. */
    static List<ProcessView> of(String what, String body) {
        if (XmlRpcAnswer.isFault(body)) {
            throw new BenchException(what + ": " + XmlRpcAnswer.result(body) + " (expected: process information)");
        }
        return XmlRpcAnswer.structs(body).stream().map(struct -> new ProcessView(
                XmlRpcAnswer.member(struct, "application_name").orElse("?") + ":"
                        + XmlRpcAnswer.member(struct, "process_name").orElse("?"),
                XmlRpcAnswer.member(struct, "statename").orElse("?"),
                XmlRpcAnswer.array(struct, "identifiers"),
                number(struct, "last_event_mtime"),
                number(struct, "now_monotonic"))).toList();
    }

    private static double number(String struct, String name) {
        return XmlRpcAnswer.member(struct, name).map(Double::parseDouble).orElse(Double.NaN);
    }

    boolean isIn(String state) {
        return this.state.equals(state);
    }

    /** How many of {@code processes} are in {@code state}. */
    static int count(List<ProcessView> processes, String state) {
        return (int) processes.stream().filter(process -> process.isIn(state)).count();
    }

    /**
     * Per nickname (every nickname of {@code nicknames}, sorted), the namespecs of {@code processes} that run
     * there; {@code nicknames} maps identifiers to nicknames.
     */
    static Map<String, List<String>> placement(List<ProcessView> processes, Map<String, String> nicknames) {
        Map<String, List<String>> placement = new TreeMap<>();
        nicknames.values().forEach(nickname -> placement.put(nickname, new ArrayList<>()));
        for (ProcessView process : processes) {
            for (String identifier : process.identifiers()) {
                placement.computeIfAbsent(nicknames.getOrDefault(identifier, identifier), k -> new ArrayList<>())
                        .add(process.namespec());
            }
        }
        return placement;
    }

    /**
     * Seconds between the last event of {@code processes} and the answer that showed them, on the agent's clock;
     * NaN when unknown.
     */
    static double lastEventAge(List<ProcessView> processes) {
        return processes.stream().mapToDouble(p -> p.nowMonotonic() - p.lastEventMtime()).min().orElse(Double.NaN);
    }
}
