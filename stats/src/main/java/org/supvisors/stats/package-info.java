/**
 * The statistics collector of an agent: host samples (OSHI's native-free Linux implementation for the CPU, the
 * memory, the disks and the node; {@code /proc/net/dev} and {@code /proc/self/mounts} for the interfaces and the
 * partitions) and process samples (one pass over {@code /proc/<pid>/stat} per round), taken on its own scheduler
 * thread and handed to a {@link org.supvisors.stats.CollectorSink}.
 */
package org.supvisors.stats;
