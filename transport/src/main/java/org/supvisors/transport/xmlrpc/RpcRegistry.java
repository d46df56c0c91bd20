package org.supvisors.transport.xmlrpc;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The XML-RPC methods that the agent answers itself. A registered name wins over forwarding: registering
 * {@code supervisor.startProcess} replaces supervisord's method for the agent's callers.
 *
 * <p>Contract for {@link RpcMethod#call}: it runs on a Netty event loop and must return at once (no I/O, no
 * waiting); work that takes time completes the returned stage later, from any thread. Methods may be registered
 * before or after the server starts (the registry is thread-safe).
 *
 * <p>The {@code system} namespace belongs to the dispatcher ({@code listMethods}, {@code methodHelp},
 * {@code methodSignature}, {@code multicall}) and to supervisord: its names cannot be registered.
 */
public final class RpcRegistry {

    private final Map<String, RpcMethod> methods = new ConcurrentHashMap<>();

    /**
     * Adds a method.
     *
     * @throws IllegalArgumentException for a name that is not {@code namespace.method}, a name already
     *         registered, a {@code system.*} name, or a required parameter after an optional one
     */
    public RpcRegistry register(RpcMethod method) {
        String name = method.name();
        int dot = name == null ? -1 : name.indexOf('.');
        if (dot <= 0 || dot == name.length() - 1 || name.indexOf('.', dot + 1) >= 0
                || name.chars().anyMatch(Character::isWhitespace) || name.charAt(dot + 1) == '_') {
            throw new IllegalArgumentException("method name: " + name
                    + " (expected: namespace.method, one dot, no blank, method not starting with '_')");
        }
        if (name.startsWith("system.")) {
            throw new IllegalArgumentException("method name: " + name
                    + " (expected: not in the system namespace, which the dispatcher and supervisord serve)");
        }
        List<RpcParam> params = method.params();
        boolean optionalSeen = false;
        for (RpcParam param : params) {
            if (optionalSeen && !param.optional()) {
                throw new IllegalArgumentException("parameter " + param.name() + " of " + name
                        + ": required after an optional one (expected: optional parameters last)");
            }
            optionalSeen |= param.optional();
        }
        if (methods.putIfAbsent(name, method) != null) {
            throw new IllegalArgumentException("method name: " + name + " (expected: not registered yet)");
        }
        return this;
    }

    /** The method registered under {@code name}. */
    public Optional<RpcMethod> find(String name) {
        return Optional.ofNullable(methods.get(name));
    }

    /** The names of the registered methods, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(methods.keySet()));
    }
}
