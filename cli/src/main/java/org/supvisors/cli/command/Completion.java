package org.supvisors.cli.command;

/** The kinds of words that tab completion offers for an argument. */
public enum Completion {
    /** Nothing. */
    NONE,
    /** Command names. */
    COMMANDS,
    /** supervisord's process namespecs and {@code group:*}, as supervisorctl offers them. */
    SUPERVISOR_PROCESSES,
    /** supervisord's group names. */
    SUPERVISOR_GROUPS,
    /** Supvisors' process namespecs and {@code application:*}. */
    PROCESSES,
    /** Supvisors' application names. */
    APPLICATIONS,
    /** Program names of the local instance. */
    PROGRAMS,
    /** Supvisors instance identifiers and nicknames. */
    INSTANCES,
    /** Starting strategy names. */
    STARTING_STRATEGIES,
    /** Conciliation strategy names. */
    CONCILIATION_STRATEGIES,
    /** Logger level names. */
    LOG_LEVELS,
    /** {@code host}, {@code process}, {@code all}. */
    STATISTICS_TYPES,
    /** {@code stdout}, {@code stderr}. */
    CHANNELS,
    /** Signal names. */
    SIGNALS
}
