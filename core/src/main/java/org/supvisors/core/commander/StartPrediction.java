package org.supvisors.core.commander;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.supvisors.core.application.ApplicationStatus;
import org.supvisors.core.instance.InstanceRegistry;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.strategy.Candidate;
import org.supvisors.core.strategy.DistributionRule;
import org.supvisors.core.strategy.Placement;
import org.supvisors.core.strategy.StartingFailureStrategy;
import org.supvisors.core.strategy.StartingStrategy;

/**
 * What a start would do, without doing it ({@code test_start_application}, {@code test_start_process}): the same
 * sequences, placement, distribution and starting failure strategies as the Starter, every placed process
 * assumed to start (RUNNING, or EXITED with {@code wait_exit}), every unplaced one FATAL with
 * {@code No resource available}. The model is left untouched (0.19 overwrites the states it simulates); as in
 * 0.19, the {@code #}/{@code @} signs of an application are resolved for good. Unlike 0.19, the load of the
 * processes predicted RUNNING counts for the placement of the next ones.
 */
final class StartPrediction {

    private final InstanceRegistry registry;
    private final Map<String, Integer> pending;
    private final String localIdentifier;
    private final Map<ProcessStatus, Outcome> outcomes = new LinkedHashMap<>();

    private record Outcome(String state, String reason, List<String> identifiers) {
    }

    /**
     * @param pending the load of the starts in progress, per target: the prediction adds its own to a copy
     */
    StartPrediction(InstanceRegistry registry, Map<String, Integer> pending, String localIdentifier) {
        this.registry = registry;
        this.pending = new HashMap<>(pending);
        this.localIdentifier = localIdentifier;
    }

    /** The start of a whole application: its processes with {@code start_sequence > 0}. */
    List<Map<String, Object>> application(StartingStrategy strategy, ApplicationStatus application) {
        SignResolver.resolve(application, registry);
        TreeMap<Integer, List<ProcessStatus>> sequences = new TreeMap<>();
        int load = 0;
        for (ProcessStatus process : application.processes()) {
            if (process.rules().startSequence() > 0) {
                sequences.computeIfAbsent(process.rules().startSequence(), k -> new ArrayList<>()).add(process);
                load += process.rules().expectedLoading();
            }
        }
        Optional<List<String>> targets = Optional.empty();
        if (application.rules().distribution() != DistributionRule.ALL_INSTANCES && !sequences.isEmpty()) {
            targets = Optional.of(Starter.distributionTargets(application, load, strategy, registry, pending,
                    localIdentifier));
        }
        boolean aborted = false;
        for (List<ProcessStatus> group : sequences.values()) {
            for (ProcessStatus process : group) {
                if (aborted || !process.isStopped()) {
                    unchanged(process);
                } else if (!place(strategy, process, targets) && process.rules().required()
                        && process.rules().startingFailureStrategy() != StartingFailureStrategy.CONTINUE) {
                    aborted = true;
                }
            }
        }
        return result();
    }

    /**
     * The start of processes, each by its own rules, in the order of their start sequences; those of a SINGLE_*
     * application on the instances the Starter would give their application.
     */
    List<Map<String, Object>> processes(StartingStrategy strategy, List<ProcessStatus> processes,
                                        java.util.function.Function<String, Optional<ApplicationStatus>> applications) {
        List<ProcessStatus> ordered = new ArrayList<>(processes);
        ordered.sort(Comparator.comparingInt(p -> p.rules().startSequence()));
        Map<String, Integer> loads = new HashMap<>();
        for (ProcessStatus process : ordered) {
            if (process.isStopped()) {
                loads.merge(process.applicationName(), process.rules().expectedLoading(), Integer::sum);
            }
        }
        Map<String, Optional<List<String>>> targets = new HashMap<>();
        for (ProcessStatus process : ordered) {
            if (process.isStopped()) {
                Optional<List<String>> applicationTargets = targets.computeIfAbsent(process.applicationName(),
                        name -> applications.apply(name)
                                .filter(a -> a.rules().distribution() != DistributionRule.ALL_INSTANCES)
                                .map(a -> Starter.distributionTargets(a, loads.get(name), strategy, registry,
                                        pending, localIdentifier)));
                place(strategy, process, applicationTargets);
            }
        }
        return result();
    }

    private boolean place(StartingStrategy strategy, ProcessStatus process, Optional<List<String>> targets) {
        List<String> possible = targets.isPresent() ? Loads.configuredIn(process, targets.get())
                : Loads.possibleIdentifiers(process, registry);
        List<Candidate> candidates = Loads.candidates(registry, possible, pending);
        int load = process.rules().expectedLoading();
        Optional<String> target = Placement.of(strategy).choose(candidates, load, localIdentifier);
        if (target.isEmpty()) {
            outcomes.put(process, new Outcome(ProcessState.FATAL.name(), "No resource available", List.of()));
            return false;
        }
        boolean exits = process.rules().waitExit();
        if (!exits) {
            pending.merge(target.get(), load, Integer::sum);
        }
        outcomes.put(process, new Outcome((exits ? ProcessState.EXITED : ProcessState.RUNNING).name(), "",
                List.of(target.get())));
        return true;
    }

    private void unchanged(ProcessStatus process) {
        outcomes.put(process, new Outcome(process.displayedState().name(), process.forcedReason(),
                List.copyOf(process.runningIdentifiers())));
    }

    private List<Map<String, Object>> result() {
        List<Map.Entry<ProcessStatus, Outcome>> entries = new ArrayList<>(outcomes.entrySet());
        entries.sort(Comparator.comparing((Map.Entry<ProcessStatus, Outcome> e) -> e.getKey().applicationName())
                .thenComparing(e -> e.getKey().processName()));
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map.Entry<ProcessStatus, Outcome> entry : entries) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("application_name", entry.getKey().applicationName());
            map.put("process_name", entry.getKey().processName());
            map.put("state", entry.getValue().state());
            map.put("forced_reason", entry.getValue().reason());
            map.put("running_identifiers", entry.getValue().identifiers());
            result.add(map);
        }
        return result;
    }
}
