/**
 * Host and process statistics (statistics.md): the raw samples that the collector of each instance takes, their
 * integration over the configured periods into the values published as {@code hstats} and {@code pstats}, and the
 * bounded histories kept for the API and the dashboard. Pure: samples come in as inputs, with their own monotonic
 * times; the set of local processes to measure goes out as an effect.
 */
package org.supvisors.core.statistics;
