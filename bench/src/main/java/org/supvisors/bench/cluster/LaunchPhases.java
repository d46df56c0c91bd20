package org.supvisors.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.supvisors.bench.command.BenchMain;
import org.supvisors.bench.workload.SupervisordInstance;

/**
 * Where the launch time goes, read in the logs of each instance after the launch ({@code supervisord.log} and the
 * agent's {@code supvisorsd.log}, both stamped in local time to the millisecond): for each phase, the time from the
 * launch instant to its first line, on the last of the three instances to get there.
 */
final class LaunchPhases {

    /** A phase: its label, the log file and the text of its first line. */
    private record Phase(String label, String file, String text) {
    }

    static final List<String> LABELS;
    private static final List<Phase> PHASES = List.of(
            new Phase("supervisord started", "supervisord.log", "supervisord started with pid"),
            new Phase("supervisord spawned the agent", "supervisord.log", "spawned: 'supvisors'"),
            new Phase("agent's first log line (JVM up, configuration read)", "supvisorsd.log", ""),
            new Phase("agent serves XML-RPC", "supvisorsd.log", " serves XML-RPC on "),
            new Phase("agent sees its supervisord RUNNING", "supvisorsd.log", "] supervisord is RUNNING"),
            new Phase("agent has loaded its local processes", "supvisorsd.log", " local processes loaded"),
            new Phase("synchronization ends (every instance RUNNING)", "supvisorsd.log", "] synchronization ends"),
            new Phase("DISTRIBUTION", "supvisorsd.log", "] Supvisors is DISTRIBUTION"),
            new Phase("OPERATION", "supvisorsd.log", "] Supvisors is OPERATION"));
    private static final Pattern STAMP = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}),(\\d{3})");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    static {
        LABELS = PHASES.stream().map(Phase::label).toList();
    }

    private LaunchPhases() {
    }

    /** Per phase label, nanoseconds from {@code origin} to the last instance's first line; -1 when missing. */
    static Map<String, Long> read(List<SupervisordInstance> instances, Instant origin) {
        Map<String, Long> phases = new LinkedHashMap<>();
        for (Phase phase : PHASES) {
            long last = -1;
            for (SupervisordInstance instance : instances) {
                Optional<Instant> first = firstLine(instance.directory().resolve(phase.file()), phase.text());
                if (first.isEmpty()) {
                    last = -1;
                    break;
                }
                last = Math.max(last, Duration.between(origin, first.get()).toNanos());
            }
            phases.put(phase.label(), last);
        }
        return phases;
    }

    private static Optional<Instant> firstLine(Path file, String text) {
        List<String> lines;
        try {
            lines = Files.exists(file) ? Files.readAllLines(file) : new ArrayList<>();
        } catch (IOException e) {
            BenchMain.progress(file + ": cannot read the log (" + e.getMessage() + ")");
            return Optional.empty();
        }
        for (String line : lines) {
            Matcher stamp = STAMP.matcher(line);
            if (stamp.find() && line.contains(text)) {
                return Optional.of(LocalDateTime.parse(stamp.group(1), FORMAT).atZone(ZoneId.systemDefault())
                        .toInstant().plusMillis(Integer.parseInt(stamp.group(2))));
            }
        }
        return Optional.empty();
    }
}
