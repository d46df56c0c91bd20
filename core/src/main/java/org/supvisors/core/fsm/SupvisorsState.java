package org.supvisors.core.fsm;

import java.util.EnumSet;
import java.util.Set;

import org.supvisors.core.api.WireEnum;

/** The states of the global state machine, with 0.19's transition table. */
public enum SupvisorsState implements WireEnum {
    /** Created; waits for the local instance to be RUNNING. */
    OFF(0),
    /** Waits for the synchronization conditions ({@code synchro_options}). */
    SYNCHRONIZATION(1),
    /** Elects the Master. */
    ELECTION(2),
    /** The Master starts the applications of the automatic start sequence. */
    DISTRIBUTION(3),
    /** Normal operation. */
    OPERATION(4),
    /** Conflicts exist among managed applications. */
    CONCILIATION(5),
    /** All applications are being stopped before every supervisord restarts. */
    RESTARTING(6),
    /** All applications are being stopped before every supervisord shuts down. */
    SHUTTING_DOWN(7),
    /** Nothing more happens: supervisord is about to restart or stop. */
    FINAL(8);

    /** ELECTION, DISTRIBUTION, OPERATION, CONCILIATION. */
    public static final Set<SupvisorsState> WORKING_STATES = EnumSet.of(ELECTION, DISTRIBUTION, OPERATION, CONCILIATION);
    /** RESTARTING, SHUTTING_DOWN, FINAL. */
    public static final Set<SupvisorsState> CLOSING_STATES = EnumSet.of(RESTARTING, SHUTTING_DOWN, FINAL);

    private final int code;

    SupvisorsState(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The states this one may go to, exactly 0.19's table. */
    public Set<SupvisorsState> allowedNext() {
        switch (this) {
            case OFF:
                return EnumSet.of(SYNCHRONIZATION);
            case SYNCHRONIZATION:
                return EnumSet.of(OFF, ELECTION);
            case ELECTION:
                return EnumSet.of(OFF, SYNCHRONIZATION, DISTRIBUTION, SHUTTING_DOWN);
            case DISTRIBUTION:
                return EnumSet.of(OFF, ELECTION, OPERATION, RESTARTING, SHUTTING_DOWN);
            case OPERATION:
                return EnumSet.of(OFF, SYNCHRONIZATION, ELECTION, CONCILIATION, RESTARTING, SHUTTING_DOWN);
            case CONCILIATION:
                return EnumSet.of(OFF, SYNCHRONIZATION, OPERATION, RESTARTING, SHUTTING_DOWN);
            case RESTARTING:
            case SHUTTING_DOWN:
                return EnumSet.of(FINAL);
            case FINAL:
            default:
                return EnumSet.noneOf(SupvisorsState.class);
        }
    }

    public boolean canGoTo(SupvisorsState next) {
        return allowedNext().contains(next);
    }
}
