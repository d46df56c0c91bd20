package org.supvisors.client.model;

import java.util.Map;

/**
 * The status of an application over all instances ({@code get_all_applications_info},
 * {@code get_application_info}).
 *
 * @param applicationName the group name
 * @param managed whether the rules manage it
 * @param nowMonotonic the monotonic time of the answer (seconds)
 * @param state the application state ({@code statecode})
 * @param majorFailure whether a required process failed (or the operational status formula is false)
 * @param minorFailure whether an optional process failed
 * @param raw the whole struct as received, unknown keys included
 */
public record ApplicationInfo(String applicationName, boolean managed, double nowMonotonic, ApplicationState state,
                              boolean majorFailure, boolean minorFailure, Map<String, Object> raw) {

    /** Copies {@code raw} into a read-only map. */
    public ApplicationInfo {
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as the agent sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static ApplicationInfo fromMap(Map<String, ?> map) {
        Struct s = Struct.of("ApplicationInfo", map);
        return new ApplicationInfo(s.string("application_name"), s.bool("managed"), s.number("now_monotonic"),
                s.code("statecode", ApplicationState::fromCode), s.bool("major_failure"), s.bool("minor_failure"),
                s.raw());
    }
}
