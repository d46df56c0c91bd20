package org.supvisors.transport.xmlrpc;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The routes of the HTTP port, fixed when the server starts: an exact path, or a prefix for a path registered
 * with a trailing {@code /} (e.g. {@code /api/}); the exact path wins, then the longest prefix.
 */
final class HttpRoutes {

    private final Map<String, HttpRoute> exact;
    private final List<Map.Entry<String, HttpRoute>> prefixes;

    HttpRoutes(Map<String, HttpRoute> routes) {
        this.exact = Map.copyOf(routes);
        this.prefixes = routes.entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("/"))
                .sorted(Comparator.comparingInt((Map.Entry<String, HttpRoute> entry) -> entry.getKey().length())
                        .reversed())
                .map(entry -> Map.entry(entry.getKey(), entry.getValue()))
                .collect(Collectors.toUnmodifiableList());
    }

    /** The route for {@code path}, or {@code null}. */
    HttpRoute find(String path) {
        HttpRoute route = exact.get(path);
        if (route != null) {
            return route;
        }
        for (Map.Entry<String, HttpRoute> prefix : prefixes) {
            if (path.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return null;
    }
}
