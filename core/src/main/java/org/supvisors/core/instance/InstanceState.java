package org.supvisors.core.instance;

import java.util.EnumSet;
import java.util.Set;

import org.supvisors.core.api.WireEnum;

/** The state of a Supvisors instance as seen by the local one, with 0.19's transition table. */
public enum InstanceState implements WireEnum {
    /** Not heard of, or invalidated. */
    STOPPED(0),
    /** Heard of; the handshake is in progress. */
    CHECKING(1),
    /** The handshake succeeded; waits for the state machine to activate it. */
    CHECKED(2),
    /** Part of Supvisors. */
    RUNNING(3),
    /** Lost; invalidated at the next evaluation (to STOPPED or ISOLATED). */
    FAILED(4),
    /** Fenced: never talked to again until the local supervisord restarts. */
    ISOLATED(5);

    /** CHECKING, CHECKED, RUNNING, FAILED. */
    public static final Set<InstanceState> ACTIVE_STATES = EnumSet.of(CHECKING, CHECKED, RUNNING, FAILED);

    private final int code;

    InstanceState(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public boolean isActive() {
        return ACTIVE_STATES.contains(this);
    }

    /** True for CHECKING, CHECKED and FAILED, the states that make the context unstable. */
    public boolean isTransitional() {
        return this == CHECKING || this == CHECKED || this == FAILED;
    }

    public Set<InstanceState> allowedNext() {
        switch (this) {
            case STOPPED:
                return EnumSet.of(CHECKING);
            case CHECKING:
                return EnumSet.of(STOPPED, CHECKED, FAILED, ISOLATED);
            case CHECKED:
                return EnumSet.of(RUNNING, FAILED);
            case RUNNING:
                return EnumSet.of(FAILED);
            case FAILED:
                return EnumSet.of(STOPPED, ISOLATED);
            case ISOLATED:
            default:
                return EnumSet.noneOf(InstanceState.class);
        }
    }

    public boolean canGoTo(InstanceState next) {
        return allowedNext().contains(next);
    }
}
