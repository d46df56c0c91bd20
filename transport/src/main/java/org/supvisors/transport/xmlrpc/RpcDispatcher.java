package org.supvisors.transport.xmlrpc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import org.supvisors.core.api.Fault;
import org.supvisors.core.api.SupvisorsFault;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;

/**
 * Routes one XML-RPC call, in this order: a method of the {@link RpcRegistry}; the {@code system} methods the
 * agent answers itself ({@code listMethods} merges supervisord's list with the local one, {@code methodHelp} and
 * {@code methodSignature} describe local methods, {@code multicall} runs across namespaces); else
 * {@code supervisor.*} and {@code system.*} go to supervisord; else fault {@code UNKNOWN_METHOD}.
 *
 * <p>Faults: a wrong parameter count for a local method is {@code INCORRECT_PARAMETERS} (bare, as Supervisor);
 * a {@link SupvisorsFault} keeps its code and text; supervisord's faults are relayed; any other exception is
 * {@code FAILED: <message>} and a log line.
 */
final class RpcDispatcher {

    static final String LIST_METHODS = "system.listMethods";
    static final String METHOD_HELP = "system.methodHelp";
    static final String METHOD_SIGNATURE = "system.methodSignature";
    static final String MULTICALL = "system.multicall";

    private static final System.Logger LOGGER = System.getLogger(RpcDispatcher.class.getName());
    private static final int MAX_FAILURE_TEXT = 200;

    private final RpcRegistry registry;
    private final SupervisordForwarder forwarder;

    RpcDispatcher(RpcRegistry registry, SupervisordForwarder forwarder) {
        this.registry = registry;
        this.forwarder = forwarder;
    }

    SupervisordForwarder forwarder() {
        return forwarder;
    }

    /**
     * Answers a top-level call. A call for supervisord is relayed with its original bytes.
     *
     * @param rawBody the request body, read only during this call
     * @param loop the event loop of the caller's connection, where local methods are called
     */
    CompletionStage<RpcOutcome> dispatch(XmlRpcCall call, ByteBuf rawBody, EventExecutor loop) {
        String name = call.methodName();
        if (isForwarded(name, call.params())) {
            return forwarder.post(rawBody.retainedDuplicate()).handle((body, error) -> body != null
                    ? new RpcOutcome.Relayed(body) : failure(error, name));
        }
        return invoke(name, call.params(), loop).handle((value, error) -> error == null
                ? new RpcOutcome.Value(value) : failure(error, name));
    }

    /** Whether supervisord answers this call as it stands (no local method, no local {@code system} work). */
    boolean isForwarded(String name, List<Object> params) {
        if (registry.find(name).isPresent()) {
            return false;
        }
        switch (name) {
            case LIST_METHODS, MULTICALL -> {
                return false;
            }
            case METHOD_HELP, METHOD_SIGNATURE -> {
                return localTarget(params).isEmpty();
            }
            default -> {
                return name.startsWith("supervisor.") || name.startsWith("system.");
            }
        }
    }

    /** Runs any call and decodes its result; faults complete the stage exceptionally. */
    CompletionStage<Object> invoke(String name, List<Object> params, EventExecutor loop) {
        Optional<RpcMethod> local = registry.find(name);
        if (local.isPresent()) {
            return callLocal(local.get(), params);
        }
        switch (name) {
            case LIST_METHODS -> {
                return params.isEmpty() ? listMethods() : incorrectParameters();
            }
            case MULTICALL -> {
                return params.size() == 1 ? new Multicall(this, params.get(0), loop).run() : incorrectParameters();
            }
            case METHOD_HELP -> {
                Optional<RpcMethod> target = localTarget(params);
                if (target.isPresent()) {
                    return CompletableFuture.completedFuture(target.get().help());
                }
            }
            case METHOD_SIGNATURE -> {
                Optional<RpcMethod> target = localTarget(params);
                if (target.isPresent()) {
                    return CompletableFuture.completedFuture(signature(target.get()));
                }
            }
            default -> {
                // neither local nor system: forwarded below or unknown
            }
        }
        if (isForwarded(name, params)) {
            return forwarder.call(name, params);
        }
        return CompletableFuture.failedFuture(new SupvisorsFault(Fault.UNKNOWN_METHOD));
    }

    /** The fault for a failed call; an unexpected exception is logged here. */
    static RpcOutcome.Failure failure(Throwable error, String methodName) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof SupvisorsFault fault) {
            return new RpcOutcome.Failure(fault.code(), fault.faultString());
        }
        if (cause instanceof RemoteFault fault) {
            return new RpcOutcome.Failure(fault.code(), fault.faultString());
        }
        LOGGER.log(System.Logger.Level.WARNING, "XML-RPC method " + methodName + " failed unexpectedly and was "
                + "answered with a FAILED fault; this usually means a bug in that method", cause);
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage().strip().lines().findFirst().orElse(cause.getClass().getSimpleName());
        if (message.length() > MAX_FAILURE_TEXT) {
            message = message.substring(0, MAX_FAILURE_TEXT - 3) + "...";
        }
        return new RpcOutcome.Failure(Fault.FAILED.code(), Fault.FAILED.name() + ": " + message);
    }

    private CompletionStage<Object> callLocal(RpcMethod method, List<Object> params) {
        List<RpcParam> specs = method.params();
        long required = specs.stream().filter(param -> !param.optional()).count();
        if (params.size() < required || params.size() > specs.size()) {
            return incorrectParameters();
        }
        CompletionStage<Object> stage;
        try {
            stage = method.call(Collections.unmodifiableList(params));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (stage == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("method " + method.name()
                    + ": returned null (expected: a CompletionStage)"));
        }
        return stage;
    }

    private CompletionStage<Object> listMethods() {
        return forwarder.call(LIST_METHODS, List.of()).thenApply(remote -> {
            Set<String> names = new TreeSet<>(registry.names());
            if (remote instanceof List<?> list) {
                list.forEach(name -> names.add(String.valueOf(name)));
            }
            return new ArrayList<>(names);
        });
    }

    /** As Supervisor: {@code [returnType, paramType...]}, one flat array. */
    private static List<Object> signature(RpcMethod method) {
        List<Object> signature = new ArrayList<>();
        signature.add(method.returnType());
        method.params().forEach(param -> signature.add(param.type()));
        return signature;
    }

    private Optional<RpcMethod> localTarget(List<Object> params) {
        return params.size() == 1 && params.get(0) instanceof String target ? registry.find(target)
                : Optional.empty();
    }

    private static CompletionStage<Object> incorrectParameters() {
        return CompletableFuture.failedFuture(new SupvisorsFault(Fault.INCORRECT_PARAMETERS));
    }
}
