package org.supvisors.transport.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.supvisors.core.process.Namespec;
import org.supvisors.transport.api.SupvisorsMethods.SupervisordCall;

/**
 * {@code supervisor.stopAllProcesses} and {@code supervisor.signalAllProcesses} as supervisord does them, but never
 * to the agent itself: the agent is a program of its supervisord, which would stop it (and the call would never be
 * answered) or signal it. Each process is acted on in supervisord's order (by group priority then process priority,
 * highest first), with one {@code system.multicall}; the results have supervisord's structure.
 */
final class AllProcessesCalls {

    /** supervisord's RUNNING_STATES (STARTING, RUNNING, BACKOFF): what stopAllProcesses stops. */
    private static final Set<Integer> RUNNING = Set.of(10, 20, 30);
    /** supervisord's SIGNALLABLE_STATES (STARTING, RUNNING, STOPPING): what signalAllProcesses signals. */
    private static final Set<Integer> SIGNALLABLE = Set.of(10, 20, 40);
    /** supervisord's STOPPED_STATES (STOPPED, EXITED, FATAL, UNKNOWN). */
    private static final Set<Integer> STOPPED = Set.of(0, 100, 200, 1000);
    private static final long WAIT_POLL_MILLIS = 100;
    private static final int SUCCESS = 80;

    private final CoreAccess core;
    private final SupervisordCall supervisord;

    AllProcessesCalls(CoreAccess core, SupervisordCall supervisord) {
        this.core = core;
        this.supervisord = supervisord;
    }

    /** {@code stopAllProcesses(wait)}: with wait, answers once every process stopped is in a stopped state. */
    CompletionStage<Object> stopAll(boolean wait) {
        return targets(RUNNING).thenCompose(targets -> act(targets, "supervisor.stopProcess", List.of(false))
                .thenCompose(results -> wait ? awaitStopped(targets).thenApply(done -> results)
                        : CompletableFuture.completedFuture(results)));
    }

    /** {@code signalAllProcesses(signal)}. */
    CompletionStage<Object> signalAll(Object signal) {
        return targets(SIGNALLABLE).thenCompose(targets -> act(targets, "supervisor.signalProcess", List.of(signal)));
    }

    /** A process of supervisord, with the priorities that order the "all" calls. */
    private record Target(String group, String name, int groupPriority, int priority) {
        static final Comparator<Target> SUPERVISORD_ORDER = Comparator.comparingInt(Target::groupPriority)
                .thenComparing(Target::group).thenComparingInt(Target::priority).thenComparing(Target::name);
    }

    /** The processes in {@code states}, agent excluded, in supervisord's order (highest priorities first). */
    private CompletionStage<List<Target>> targets(Set<Integer> states) {
        CompletionStage<Object> configs = supervisord.call("supervisor.getAllConfigInfo", List.of());
        CompletionStage<Object> infos = supervisord.call("supervisor.getAllProcessInfo", List.of());
        return configs.thenCombine(infos, (c, i) -> new Object[] {c, i})
                .thenCompose(both -> core.call(s -> {
                    Map<String, Map<?, ?>> configByNamespec = new LinkedHashMap<>();
                    for (Map<?, ?> config : structs(both[0])) {
                        configByNamespec.put(Namespec.of(text(config.get("group")), text(config.get("name"))), config);
                    }
                    List<Target> targets = new ArrayList<>();
                    for (Map<?, ?> info : structs(both[1])) {
                        String group = text(info.get("group"));
                        String name = text(info.get("name"));
                        if (states.contains(number(info.get("state"))) && !s.localSupervisor().isAgent(group, name)) {
                            Map<?, ?> config = configByNamespec.getOrDefault(Namespec.of(group, name), Map.of());
                            targets.add(new Target(group, name, number(config.get("group_prio")),
                                    number(config.get("process_prio"))));
                        }
                    }
                    targets.sort(Target.SUPERVISORD_ORDER.reversed());
                    return targets;
                }));
    }

    /** One multicall of {@code method(group:name, extra...)} for each target; supervisord's result structures. */
    private CompletionStage<Object> act(List<Target> targets, String method, List<Object> extra) {
        if (targets.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<Object> calls = new ArrayList<>();
        for (Target target : targets) {
            List<Object> params = new ArrayList<>();
            params.add(target.group() + ":" + target.name());
            params.addAll(extra);
            calls.add(Map.of("methodName", method, "params", params));
        }
        return supervisord.call("system.multicall", List.of(calls)).thenApply(answers -> {
            List<?> list = array(answers);
            List<Object> results = new ArrayList<>();
            for (int index = 0; index < targets.size(); index++) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("name", targets.get(index).name());
                result.put("group", targets.get(index).group());
                Object answer = index < list.size() ? list.get(index) : null;
                if (answer instanceof Map<?, ?> fault && fault.containsKey("faultCode")) {
                    result.put("status", number(fault.get("faultCode")));
                    result.put("description", text(fault.get("faultString")));
                } else {
                    result.put("status", SUCCESS);
                    result.put("description", "OK");
                }
                results.add(result);
            }
            return results;
        });
    }

    /** Completes once none of the targets is in a running state any more (supervisord kills after stopwaitsecs). */
    private CompletionStage<Boolean> awaitStopped(List<Target> targets) {
        return supervisord.call("supervisor.getAllProcessInfo", List.of()).thenCompose(answer -> {
            for (Map<?, ?> info : structs(answer)) {
                for (Target target : targets) {
                    if (target.group().equals(text(info.get("group"))) && target.name().equals(text(info.get("name")))
                            && !STOPPED.contains(number(info.get("state")))) {
                        Executor later = CompletableFuture.delayedExecutor(WAIT_POLL_MILLIS, TimeUnit.MILLISECONDS);
                        return CompletableFuture.supplyAsync(() -> targets, later).thenCompose(this::awaitStopped);
                    }
                }
            }
            return CompletableFuture.completedFuture(true);
        });
    }

    /** An XML-RPC array, as a list whichever client decoded it (a List or an Object[]). */
    private static List<?> array(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        return value instanceof Object[] items ? Arrays.asList(items) : List.of();
    }

    private static List<Map<?, ?>> structs(Object value) {
        List<Map<?, ?>> structs = new ArrayList<>();
        for (Object item : array(value)) {
            if (item instanceof Map<?, ?> map) {
                structs.add(map);
            }
        }
        return structs;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
