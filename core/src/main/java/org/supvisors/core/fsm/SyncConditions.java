package org.supvisors.core.fsm;

/**
 * The failures of the synchronization options at one evaluation: {@code null} when the option is not set,
 * {@code true} when its condition does not hold.
 */
record SyncConditions(Boolean userFailure, Boolean coreFailure, Boolean strictFailure, Boolean listFailure) {

    /** Missing declared, known or core instances. */
    boolean degraded() {
        return Boolean.TRUE.equals(strictFailure) || Boolean.TRUE.equals(listFailure)
                || Boolean.TRUE.equals(coreFailure);
    }

    /** The first set option in the order USER, CORE, STRICT, LIST decides whether the conditions failed. */
    boolean failed() {
        for (Boolean failure : new Boolean[] {userFailure, coreFailure, strictFailure, listFailure}) {
            if (failure != null) {
                return failure;
            }
        }
        return false;
    }
}
