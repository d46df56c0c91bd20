package org.supvisors.bench.workload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.supvisors.bench.command.BenchException;

/**
 * The files of one instance of the reference workload (../shared/workload/README.md): its supervisord
 * configuration, with the workload's {@code [supvisors]} options and the agent of the distribution as
 * {@code [eventlistener:supvisors]}, and the workload's {@code programs.ini} with {@code numprocs} of {@code worker}
 * set for the wanted number of processes.
 */
public final class WorkloadConfiguration {

    private static final Pattern SECTION = Pattern.compile("^\\s*\\[([^]]+)]\\s*$");
    private static final Pattern NUMPROCS = Pattern.compile("^\\s*numprocs\\s*[=:]\\s*(\\d+)\\s*$");
    private static final Pattern STARTSECS = Pattern.compile("^\\s*startsecs\\s*[=:].*$");

    /** An instance of {@code supvisors_list}: its nickname and supervisord's HTTP port on 127.0.0.1. */
    public record Member(String nickname, int httpPort) {
        /** {@code <nickname>127.0.0.1:port} */
        String declaration() {
            return "<" + nickname + ">127.0.0.1:" + httpPort;
        }
    }

    private WorkloadConfiguration() {
    }

    /**
     * The supervisord configuration of {@code self}, its files in {@code directory}, including
     * {@code programs.ini} of that directory.
     *
     * @param header the comment on the first line (who wrote the file)
     * @param members {@code supvisors_list}, {@code self} included
     * @param rulesFile {@code rules_files}, when the benchmark sets it
     */
    public static String supervisord(String header, Path directory, Member self, List<Member> members,
                                     Path distribution, Optional<Path> rulesFile) {
        return supervisord(header, directory, self, members, distribution, rulesFile, List.of());
    }

    /**
     * The same, with {@code supvisorsOptions} ({@code "name = value"} lines) added to {@code [supvisors]}: options
     * the workload leaves at their defaults, such as {@code stats_enabled}.
     */
    public static String supervisord(String header, Path directory, Member self, List<Member> members,
                                     Path distribution, Optional<Path> rulesFile, List<String> supvisorsOptions) {
        List<String> lines = new ArrayList<>(List.of(
                "; " + header,
                "[supervisord]",
                "logfile = " + directory.resolve("supervisord.log"),
                "pidfile = " + directory.resolve("supervisord.pid"),
                "childlogdir = " + directory,
                "identifier = " + self.nickname(),
                "",
                "[inet_http_server]",
                "port = 127.0.0.1:" + self.httpPort(),
                "",
                "[rpcinterface:supervisor]",
                "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
                "",
                "[supervisorctl]",
                "serverurl = http://127.0.0.1:" + self.httpPort(),
                "",
                "[supvisors]",
                "supvisors_list = " + members.stream().map(Member::declaration).collect(Collectors.joining(","))));
        rulesFile.ifPresent(file -> lines.add("rules_files = " + file));
        lines.addAll(List.of(
                "event_link = WS",
                "synchro_timeout = 15",
                "inactivity_ticks = 2",
                "starting_strategy = CONFIG",
                "conciliation_strategy = USER"));
        lines.addAll(supvisorsOptions);
        lines.addAll(List.of(
                "",
                "[eventlistener:supvisors]",
                "command = " + distribution.resolve("bin/supvisorsd"),
                "events = PROCESS_STATE,TICK_5,PROCESS_GROUP,SUPERVISOR_STATE_CHANGE",
                "buffer_size = 8192",
                "autorestart = true",
                "stopwaitsecs = 10",
                "stderr_logfile = " + directory.resolve("supvisorsd.log"),
                "",
                "[include]",
                "files = programs.ini",
                ""));
        return String.join("\n", lines);
    }

    /** {@code programs.ini} with {@code numprocs} of {@code [program:worker]} such that there are {@code total}. */
    public static String programs(String text, int total) {
        int others = 0;
        String section = "";
        boolean sawWorker = false;
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (String line : lines) {
            Matcher header = SECTION.matcher(line);
            if (header.matches()) {
                section = header.group(1).trim();
                if (section.startsWith("program:") && !section.equals("program:worker")) {
                    others += 1;
                }
                sawWorker |= section.equals("program:worker");
                continue;
            }
            Matcher numprocs = NUMPROCS.matcher(line);
            if (numprocs.matches() && section.startsWith("program:") && !section.equals("program:worker")) {
                others += Integer.parseInt(numprocs.group(1)) - 1;
            }
        }
        int workers = total - others;
        if (!sawWorker || workers < 1) {
            throw new BenchException("programs.ini: " + total + " processes cannot be reached with [program:worker]"
                    + " (expected: more than the " + others + " other processes and a [program:worker] section)");
        }
        section = "";
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            Matcher header = SECTION.matcher(lines.get(i));
            if (header.matches()) {
                section = header.group(1).trim();
            } else if (section.equals("program:worker") && NUMPROCS.matcher(lines.get(i)).matches()) {
                lines.set(i, "numprocs=" + workers);
                replaced = true;
            }
        }
        if (!replaced) {
            throw new BenchException("programs.ini: [program:worker] has no numprocs line (expected: numprocs=50)");
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * {@code programs.ini} with {@code startsecs} of {@code [program:<program>]} set to {@code value}: its line
     * replaced, or added after the section header when it has none.
     */
    public static String startsecs(String text, String program, int value) {
        String wanted = "program:" + program;
        List<String> lines = new ArrayList<>(text.lines().toList());
        int header = -1;
        boolean replaced = false;
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = SECTION.matcher(lines.get(i));
            if (matcher.matches()) {
                section = matcher.group(1).trim();
                header = section.equals(wanted) ? i : header;
            } else if (section.equals(wanted) && STARTSECS.matcher(lines.get(i)).matches()) {
                lines.set(i, "startsecs=" + value);
                replaced = true;
            }
        }
        if (header < 0) {
            throw new BenchException("programs.ini: no [" + wanted + "] section (expected: the workload's)");
        }
        if (!replaced) {
            lines.add(header + 1, "startsecs=" + value);
        }
        return String.join("\n", lines) + "\n";
    }
}
