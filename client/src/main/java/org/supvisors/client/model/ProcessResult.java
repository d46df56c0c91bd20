package org.supvisors.client.model;

import java.util.Map;

/**
 * The outcome for one process of a group or global supervisord command ({@code startProcessGroup},
 * {@code stopAllProcesses}, {@code signalProcessGroup}, {@code clearAllProcessLogs}...).
 *
 * @param name the process name
 * @param group the group name
 * @param status a fault code: 80 ({@code SUCCESS}) when it went well
 * @param description {@code OK}, or the fault text
 * @param raw the whole struct as received, unknown keys included
 */
public record ProcessResult(String name, String group, int status, String description, Map<String, Object> raw) {

    /** The {@code status} of success (Supervisor's fault code {@code SUCCESS}). */
    public static final int SUCCESS = 80;

    /** Copies {@code raw} into a read-only map. */
    public ProcessResult {
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as supervisord sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static ProcessResult fromMap(Map<String, ?> map) {
        Struct s = Struct.of("ProcessResult", map);
        return new ProcessResult(s.string("name"), s.string("group"), s.integer("status"), s.string("description"),
                s.raw());
    }

    /** Whether the command succeeded for this process. */
    public boolean isSuccess() {
        return status == SUCCESS;
    }

    /** {@code group:name}, or {@code name} when both names are equal. */
    public String namespec() {
        return Namespecs.of(group, name);
    }
}
