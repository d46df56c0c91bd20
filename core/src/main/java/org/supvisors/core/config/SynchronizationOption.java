package org.supvisors.core.config;

import org.supvisors.core.api.WireEnum;

/** Conditions that end the SYNCHRONIZATION phase (option {@code synchro_options}). */
public enum SynchronizationOption implements WireEnum {
    /** All instances of supvisors_list are RUNNING. */
    STRICT(0),
    /** All known instances are RUNNING. */
    LIST(1),
    /** synchro_timeout seconds have elapsed since start. */
    TIMEOUT(2),
    /** All core identifiers are RUNNING, and 15 seconds have elapsed. */
    CORE(3),
    /** A Master has been set by a user or adopted from another instance. */
    USER(4);

    private final int code;

    SynchronizationOption(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
