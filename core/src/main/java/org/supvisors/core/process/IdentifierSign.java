package org.supvisors.core.process;

/**
 * A sign in the {@code identifiers} of a rule, which spreads the processes of a homogeneous program (or the copies
 * of an application) over instances instead of naming them.
 */
public enum IdentifierSign {
    /** No sign: the names (or {@code *}) say where the process may run. */
    NONE,
    /** {@code #}: each process (or application copy) gets one instance, spread evenly, round-robin if needed. */
    HASH,
    /** {@code @}: each process gets a distinct instance; processes in excess get none. */
    AT
}
