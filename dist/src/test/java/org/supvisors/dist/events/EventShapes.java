package org.supvisors.dist.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The keys and JSON types of the bodies, as event-interface.md gives them. */
final class EventShapes {

    /** A JSON integer as the client reads it. */
    static final Class<?> INT = Integer.class;
    static final Class<?> FLOAT = Double.class;
    static final Class<?> STRING = String.class;
    static final Class<?> BOOL = Boolean.class;
    static final Class<?> LIST = List.class;
    static final Class<?> OBJECT = Map.class;

    static final Map<String, Class<?>> SUPVISORS = shape("identifier", STRING, "nick_identifier", STRING,
            "now_monotonic", FLOAT, "fsm_statecode", INT, "fsm_statename", STRING, "degraded_mode", BOOL,
            "discovery_mode", BOOL, "master_identifier", STRING, "starting_jobs", LIST, "stopping_jobs", LIST,
            "instance_states", OBJECT);
    static final Map<String, Class<?>> INSTANCE = shape("identifier", STRING, "nick_identifier", STRING,
            "node_name", STRING, "port", INT, "statecode", INT, "statename", STRING, "loading", INT,
            "process_failure", BOOL, "remote_sequence_counter", INT, "remote_time", INT, "remote_mtime", FLOAT,
            "local_sequence_counter", INT, "local_time", INT, "local_mtime", FLOAT);
    static final Map<String, Class<?>> APPLICATION = shape("application_name", STRING, "managed", BOOL,
            "now_monotonic", FLOAT, "statecode", INT, "statename", STRING, "major_failure", BOOL,
            "minor_failure", BOOL);
    static final Map<String, Class<?>> EVENT = shape("identifier", STRING, "nick_identifier", STRING, "group",
            STRING, "name", STRING, "state", INT, "now", FLOAT, "now_monotonic", FLOAT, "pid", INT, "expected", BOOL,
            "spawnerr", STRING, "extra_args", STRING, "disabled", BOOL, "event_mtime", FLOAT);
    static final Map<String, Class<?>> PROCESS = shape("application_name", STRING, "process_name", STRING,
            "now_monotonic", FLOAT, "statecode", INT, "statename", STRING, "expected_exit", BOOL,
            "last_event_mtime", FLOAT, "identifiers", LIST, "extra_args", STRING);

    private EventShapes() {
    }

    private static Map<String, Class<?>> shape(Object... keysAndTypes) {
        Map<String, Class<?>> shape = new LinkedHashMap<>();
        for (int i = 0; i < keysAndTypes.length; i += 2) {
            shape.put((String) keysAndTypes[i], (Class<?>) keysAndTypes[i + 1]);
        }
        return shape;
    }

    /** The body has exactly the keys of {@code shape}, in its order, each with its type. */
    static void assertShape(Map<String, Object> body, Map<String, Class<?>> shape) {
        assertThat(body.keySet()).as("keys of %s", body).containsExactlyElementsOf(shape.keySet());
        shape.forEach((key, type) -> assertThat(body.get(key)).as("%s of %s", key, body).isInstanceOf(type));
    }
}
