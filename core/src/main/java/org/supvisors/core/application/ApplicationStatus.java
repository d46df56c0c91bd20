package org.supvisors.core.application;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.supvisors.core.process.ProcessState;
import org.supvisors.core.process.ProcessStatus;

/**
 * An application: all processes, over all instances, whose Supervisor group has its name; its state and
 * failures are computed from the displayed states of its processes (state-machines.md §5.5, §5.6).
 */
public final class ApplicationStatus {

    private final String name;
    private final Map<String, ProcessStatus> processes = new TreeMap<>();
    private ApplicationRules rules;
    private ApplicationState state = ApplicationState.STOPPED;
    private boolean majorFailure;
    private boolean minorFailure;
    private StatusFormula formula;
    private String formulaError = "";

    public ApplicationStatus(String name, ApplicationRules rules) {
        this.name = name;
        this.rules = rules;
    }

    public String name() { return name; }
    public ApplicationRules rules() { return rules; }
    public void setRules(ApplicationRules rules) { this.rules = rules; }
    public boolean isManaged() { return rules.managed(); }
    public ApplicationState state() { return state; }
    public boolean majorFailure() { return majorFailure; }
    public boolean minorFailure() { return minorFailure; }

    /** The processes in the order of their names (the same on every instance, whatever the order of discovery). */
    public Collection<ProcessStatus> processes() { return Collections.unmodifiableCollection(processes.values()); }
    public Optional<ProcessStatus> process(String processName) { return Optional.ofNullable(processes.get(processName)); }

    public void addProcess(ProcessStatus process) {
        processes.put(process.processName(), process);
    }

    /** @return true when the application has no process left */
    public boolean removeProcess(String processName) {
        processes.remove(processName);
        return processes.isEmpty();
    }

    /**
     * Recomputes the state and the failures from the displayed states of the processes.
     *
     * @return true when the state or a failure flag changed
     */
    public boolean update() {
        ApplicationState before = state;
        boolean majorBefore = majorFailure;
        boolean minorBefore = minorFailure;
        boolean stopping = false;
        boolean starting = false;
        boolean running = false;
        for (ProcessStatus process : processes.values()) {
            ProcessState shown = process.displayedState();
            stopping |= shown == ProcessState.STOPPING;
            starting |= shown == ProcessState.STARTING || shown == ProcessState.BACKOFF;
            running |= shown == ProcessState.RUNNING;
        }
        state = stopping ? ApplicationState.STOPPING
                : starting ? ApplicationState.STARTING
                : running ? ApplicationState.RUNNING
                : ApplicationState.STOPPED;
        evaluateFailures();
        return state != before || majorFailure != majorBefore || minorFailure != minorBefore;
    }

    /**
     * Why the operational status formula could not be evaluated at the last update (the application is then in
     * major failure), empty when it could or when there is no formula.
     */
    public String formulaError() {
        return formulaError;
    }

    /** The operational status: by the formula of the rules if any, else by the {@code required} flags. */
    private void evaluateFailures() {
        majorFailure = false;
        minorFailure = false;
        formulaError = "";
        if (!rules.managed()) {
            return;
        }
        if (!rules.statusFormula().isEmpty()) {
            evaluateFormula();
        } else {
            evaluateRequired();
        }
    }

    private void evaluateFormula() {
        if (formula == null || !formula.text().equals(rules.statusFormula())) {
            formula = StatusFormula.parse(rules.statusFormula());
        }
        Map<String, Boolean> statuses = new LinkedHashMap<>();
        for (ProcessStatus process : processes.values()) {
            ProcessState shown = process.displayedState();
            statuses.put(process.processName(), shown == ProcessState.STARTING || shown == ProcessState.RUNNING
                    || shown == ProcessState.BACKOFF || (shown == ProcessState.EXITED && process.expectedExit()));
        }
        try {
            majorFailure = !formula.evaluate(statuses);
        } catch (StatusFormula.EvaluationError e) {
            majorFailure = true;
            formulaError = e.getMessage();
        }
        if (!majorFailure) {
            for (ProcessStatus process : processes.values()) {
                minorFailure |= isFailed(process);
            }
        }
    }

    /** The legacy operational status ({@code required} flags). */
    private void evaluateRequired() {
        for (ProcessStatus process : processes.values()) {
            ProcessState shown = process.displayedState();
            if (isFailed(process)) {
                if (process.rules().required()) {
                    majorFailure = true;
                } else {
                    minorFailure = true;
                }
            } else if (shown == ProcessState.STOPPED && process.rules().required()
                    && state != ApplicationState.STOPPED) {
                majorFailure = true;
            }
        }
        if (majorFailure) {
            minorFailure = false;
        }
    }

    private static boolean isFailed(ProcessStatus process) {
        ProcessState shown = process.displayedState();
        return shown == ProcessState.FATAL || shown == ProcessState.UNKNOWN
                || (shown == ProcessState.EXITED && !process.expectedExit());
    }

    /** The structure of {@code get_application_info} and of the {@code application} event. */
    public Map<String, Object> toMap(double nowMonotonic) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("application_name", name);
        map.put("managed", rules.managed());
        map.put("now_monotonic", nowMonotonic);
        map.put("statecode", state.code());
        map.put("statename", state.name());
        map.put("major_failure", majorFailure);
        map.put("minor_failure", minorFailure);
        return map;
    }
}
