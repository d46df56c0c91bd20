package org.supvisors.dist.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** XML-RPC answers made comparable between instances: arrays as lists, without the fields that tell the time. */
public final class Answers {

    /**
     * The fields that depend on when and where an answer was built: local times and the tick counters and times of
     * the instances (each instance receives the ticks at its own moments).
     */
    public static final Set<String> TIME_FIELDS = Set.of("now_monotonic", "last_event_mtime", "remote_sequence_counter",
            "remote_time", "remote_mtime", "local_sequence_counter", "local_time", "local_mtime", "now", "uptime",
            "description");

    private Answers() {
    }

    /** {@code answer} with the {@link #TIME_FIELDS} removed from every struct, and every array as a list. */
    public static Object withoutTimes(Object answer) {
        if (answer instanceof Map) {
            Map<String, Object> result = new LinkedHashMap<>();
            ((Map<?, ?>) answer).forEach((key, value) -> {
                if (!TIME_FIELDS.contains(key)) {
                    result.put((String) key, withoutTimes(value));
                }
            });
            return result;
        }
        if (answer instanceof Object[]) {
            return withoutTimes(List.of((Object[]) answer));
        }
        if (answer instanceof List) {
            List<Object> result = new ArrayList<>();
            for (Object item : (List<?>) answer) {
                result.add(withoutTimes(item));
            }
            return result;
        }
        return answer;
    }
}
