package org.supvisors.transport.config;

/**
 * Where a Supervisor process comes from in the configuration files.
 *
 * @param programName the program section name ({@code x} of {@code [program:x]}, {@code [fcgi-program:x]} or
 *     {@code [eventlistener:x]})
 * @param processIndex 0-based index of the process among those the program generates
 * @param numprocs the program's {@code numprocs}
 */
public record ProcessPlacement(String programName, int processIndex, int numprocs) {
}
