package org.supvisors.core.api;

import java.util.HashMap;
import java.util.Map;

/** XML-RPC fault codes: Supervisor's own codes, then the Supvisors additions (100-105). */
public enum Fault {
    UNKNOWN_METHOD(1),
    INCORRECT_PARAMETERS(2),
    BAD_ARGUMENTS(3),
    SIGNATURE_UNSUPPORTED(4),
    SHUTDOWN_STATE(6),
    BAD_NAME(10),
    BAD_SIGNAL(11),
    NO_FILE(20),
    NOT_EXECUTABLE(21),
    FAILED(30),
    ABNORMAL_TERMINATION(40),
    SPAWN_ERROR(50),
    ALREADY_STARTED(60),
    NOT_RUNNING(70),
    SUCCESS(80),
    ALREADY_ADDED(90),
    STILL_RUNNING(91),
    CANT_REREAD(92),
    SUPVISORS_CONF_ERROR(100),
    BAD_SUPVISORS_STATE(101),
    NOT_MANAGED(102),
    DISABLED(103),
    NOT_APPLICABLE(104),
    NOT_INSTALLED(105);

    private static final Map<Integer, Fault> BY_CODE = new HashMap<>();

    static {
        for (Fault fault : values()) {
            BY_CODE.put(fault.code, fault);
        }
    }

    private final int code;

    Fault(int code) {
        this.code = code;
    }

    /** The numeric fault code of the wire. */
    public int code() {
        return code;
    }

    /** The fault with this code, or {@code null} for a code that neither Supervisor nor Supvisors defines. */
    public static Fault fromCode(int code) {
        return BY_CODE.get(code);
    }
}
