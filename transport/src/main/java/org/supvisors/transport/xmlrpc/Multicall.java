package org.supvisors.transport.xmlrpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

import org.supvisors.core.api.Fault;
import org.supvisors.core.api.SupvisorsFault;

import io.netty.util.concurrent.EventExecutor;

/**
 * One {@code system.multicall} across namespaces, as Supervisor runs it: the calls one after the other, each
 * started when the previous one is answered, results in order, faults inline as {@code {faultCode, faultString}}
 * structs. Consecutive calls for supervisord go in one {@code system.multicall} of supervisord.
 *
 * <p>Refused inline as Supervisor does: an entry without {@code methodName} ({@code INCORRECT_PARAMETERS: No
 * methodName}) and a nested multicall ({@code INCORRECT_PARAMETERS: Recursive system.multicall forbidden}).
 * Where Supervisor fails with HTTP 500 (an entry that is not a struct), this answers an inline
 * {@code INCORRECT_PARAMETERS} fault.
 *
 * <p>Runs iteratively (no stack growth for calls answered at once) and resumes on the connection's event loop
 * when a call completes elsewhere, so that local methods are always called on an event loop.
 */
final class Multicall {

    private final RpcDispatcher dispatcher;
    private final Object calls;
    private final EventExecutor loop;
    private final List<Object> results = new ArrayList<>();
    private final CompletableFuture<Object> done = new CompletableFuture<>();

    Multicall(RpcDispatcher dispatcher, Object calls, EventExecutor loop) {
        this.dispatcher = dispatcher;
        this.calls = calls;
        this.loop = loop;
    }

    CompletionStage<Object> run() {
        if (!(calls instanceof List<?> list)) {
            return CompletableFuture.failedFuture(new SupvisorsFault(Fault.INCORRECT_PARAMETERS));
        }
        runFrom(list, 0);
        return done;
    }

    private void runFrom(List<?> list, int first) {
        int index = first;
        while (index < list.size()) {
            int next = forwardedRunEnd(list, index);
            CompletableFuture<List<Object>> step;
            if (next > index) {
                step = batch(list.subList(index, next));
            } else {
                step = single(list.get(index));
                next = index + 1;
            }
            if (step.isDone()) {
                results.addAll(step.join());
                index = next;
                continue;
            }
            int resume = next;
            step.whenComplete((values, never) -> {
                results.addAll(values);
                if (loop.inEventLoop()) {
                    runFrom(list, resume);
                } else {
                    try {
                        loop.execute(() -> runFrom(list, resume));
                    } catch (RejectedExecutionException e) {
                        done.completeExceptionally(new SupvisorsFault(Fault.FAILED, "agent stopping"));
                    }
                }
            });
            return;
        }
        done.complete(results);
    }

    /** The end (exclusive) of the run of calls for supervisord starting at {@code index}. */
    private int forwardedRunEnd(List<?> list, int index) {
        int end = index;
        while (end < list.size() && entry(list.get(end)) instanceof Entry call
                && dispatcher.isForwarded(call.name, call.params)) {
            end++;
        }
        return end;
    }

    /** Runs one call; the future never fails: faults become structs. */
    private CompletableFuture<List<Object>> single(Object item) {
        Object entry = entry(item);
        if (entry instanceof SupvisorsFault fault) {
            return CompletableFuture.completedFuture(singletonList(faultStruct(fault, "")));
        }
        Entry call = (Entry) entry;
        return dispatcher.invoke(call.name, call.params, loop)
                .handle((value, error) -> singletonList(error == null ? value : faultStruct(error, call.name)))
                .toCompletableFuture();
    }

    private CompletableFuture<List<Object>> batch(List<?> items) {
        List<Object> requests = new ArrayList<>(items.size());
        for (Object item : items) {
            Entry call = (Entry) entry(item);
            Map<String, Object> request = new LinkedHashMap<>(4);
            request.put("methodName", call.name);
            request.put("params", call.params);
            requests.add(request);
        }
        return dispatcher.forwarder().call(RpcDispatcher.MULTICALL, List.of(requests)).handle((value, error) -> {
            List<Object> answers = new ArrayList<>(items.size());
            if (error == null && value instanceof List<?> list && list.size() == items.size()) {
                answers.addAll(list);
            } else {
                Object fault = error != null ? faultStruct(error, RpcDispatcher.MULTICALL)
                        : XmlRpcWriter.faultStruct(Fault.FAILED.code(), Fault.FAILED.name() + ": supervisord "
                                + "answered a multicall of " + items.size() + " calls with " + describe(value));
                for (int i = 0; i < items.size(); i++) {
                    answers.add(fault);
                }
            }
            return answers;
        }).toCompletableFuture();
    }

    /** An {@link Entry}, or the {@link SupvisorsFault} that refuses it. */
    private static Object entry(Object item) {
        if (!(item instanceof Map<?, ?> map)) {
            return new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "multicall entry: " + describe(item)
                    + " (expected: struct with methodName and params)");
        }
        if (!(map.get("methodName") instanceof String name)) {
            return new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "No methodName");
        }
        if (name.equals(RpcDispatcher.MULTICALL)) {
            return new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "Recursive system.multicall forbidden");
        }
        Object params = map.containsKey("params") ? map.get("params") : List.of();
        if (!(params instanceof List<?> list)) {
            return new SupvisorsFault(Fault.INCORRECT_PARAMETERS);
        }
        return new Entry(name, new ArrayList<>(list));
    }

    private static Map<String, Object> faultStruct(Throwable error, String methodName) {
        RpcOutcome.Failure failure = RpcDispatcher.failure(error, methodName);
        return XmlRpcWriter.faultStruct(failure.code(), failure.faultString());
    }

    private static List<Object> singletonList(Object value) {
        List<Object> list = new ArrayList<>(1);
        list.add(value);
        return list;
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private record Entry(String name, List<Object> params) {
    }
}
