package org.supvisors.client;

import java.util.Optional;

/**
 * The XML-RPC fault codes of 0.19: Supervisor's codes (1-92), then those Supvisors adds (100-105). The name of a
 * constant is the name that starts the {@code faultString} of its faults ({@code BAD_NAME: ...}).
 */
public enum FaultCode {
    /** The method does not exist. */
    UNKNOWN_METHOD(1),
    /** Wrong number or type of parameters, or a parameter value out of range. */
    INCORRECT_PARAMETERS(2),
    /** Bad arguments. */
    BAD_ARGUMENTS(3),
    /** {@code system.methodSignature} cannot describe the method. */
    SIGNATURE_UNSUPPORTED(4),
    /** supervisord is shutting down. */
    SHUTDOWN_STATE(6),
    /** Unknown name: application, process, program, group or instance. */
    BAD_NAME(10),
    /** Unknown signal. */
    BAD_SIGNAL(11),
    /** The command of the program was not found. */
    NO_FILE(20),
    /** The command of the program is not executable. */
    NOT_EXECUTABLE(21),
    /** The request failed. */
    FAILED(30),
    /** The process or application did not end as requested. */
    ABNORMAL_TERMINATION(40),
    /** supervisord could not spawn the process. */
    SPAWN_ERROR(50),
    /** Already started (or starting, or stopping). */
    ALREADY_STARTED(60),
    /** Not running. */
    NOT_RUNNING(70),
    /** Success (in the {@code status} of group results, never as a fault). */
    SUCCESS(80),
    /** The group is already added. */
    ALREADY_ADDED(90),
    /** Still running. */
    STILL_RUNNING(91),
    /** supervisord cannot re-read its configuration. */
    CANT_REREAD(92),
    /** Supvisors configuration error (declared, not raised by the API in 0.19). */
    SUPVISORS_CONF_ERROR(100),
    /** The request is not allowed in the current state of Supvisors. */
    BAD_SUPVISORS_STATE(101),
    /** The application is not managed (no rules). */
    NOT_MANAGED(102),
    /** The program is disabled. */
    DISABLED(103),
    /** The request does not apply. */
    NOT_APPLICABLE(104),
    /** The statistics collector is unavailable. */
    NOT_INSTALLED(105);

    private final int code;

    FaultCode(int code) {
        this.code = code;
    }

    /** The numeric {@code faultCode} of the wire. */
    public int code() {
        return code;
    }

    /** The constant with this code; empty for a code neither Supervisor nor Supvisors 0.19 defines. */
    public static Optional<FaultCode> fromCode(int code) {
        for (FaultCode fault : values()) {
            if (fault.code == code) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
