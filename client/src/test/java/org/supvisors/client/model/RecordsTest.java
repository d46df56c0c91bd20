package org.supvisors.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every record decodes the structure the agent sends, strictly, and keeps every key in {@code raw()}. */
class RecordsTest {

    /** A struct from alternating keys and values, in order. */
    static Map<String, Object> struct(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> stateModes(Object startingJobs) {
        return struct("identifier", "10.0.0.1:60000", "nick_identifier", "alpha", "now_monotonic", 12.5,
                "fsm_statecode", 4, "fsm_statename", "OPERATION", "degraded_mode", false, "discovery_mode", true,
                "master_identifier", "10.0.0.1:60000", "starting_jobs", startingJobs, "stopping_jobs",
                startingJobs instanceof List ? List.of() : false,
                "instance_states", struct("10.0.0.1:60000", "RUNNING", "10.0.0.2:60000", "ISOLATED"));
    }

    static Map<String, Object> localProcess() {
        return struct("group", "web", "name", "front", "state", 20, "statename", "RUNNING", "start", 1700000000,
                "stop", 0, "now", 1700000100, "pid", 1234, "description", "pid 1234, uptime 0:01:40", "spawnerr", "",
                "expected", true, "start_monotonic", 100.5, "stop_monotonic", 0.0, "now_monotonic", 200.5,
                "extra_args", "-v", "startsecs", 1, "stopwaitsecs", 10, "process_index", 0, "program_name", "front",
                "disabled", false, "has_stdout", true, "has_stderr", false);
    }

    @Test
    void state_modes_of_the_local_instance_list_the_instances_with_jobs() {
        SupvisorsStateModes modes = SupvisorsStateModes.fromMap(stateModes(List.of("10.0.0.2:60000")));
        assertThat(modes.state()).isEqualTo(SupvisorsState.OPERATION);
        assertThat(modes.startingJobs()).containsExactly("10.0.0.2:60000");
        assertThat(modes.stoppingJobs()).isEmpty();
        assertThat(modes.discoveryMode()).isTrue();
        assertThat(modes.instanceStates()).containsExactly(Map.entry("10.0.0.1:60000", InstanceState.RUNNING),
                Map.entry("10.0.0.2:60000", InstanceState.ISOLATED));
        assertThat(modes.nowMonotonic()).isEqualTo(12.5);
    }

    @Test
    void state_modes_of_every_instance_say_whether_it_has_jobs() {
        InstanceStateModes modes = InstanceStateModes.fromMap(stateModes(true));
        assertThat(modes.startingJobs()).isTrue();
        assertThat(modes.stoppingJobs()).isFalse();
        assertThat(modes.masterIdentifier()).isEqualTo("10.0.0.1:60000");
        assertThatThrownBy(() -> InstanceStateModes.fromMap(stateModes(List.of())))
                .hasMessageStartingWith("InstanceStateModes starting_jobs: [] of type ")
                .hasMessageEndingWith(" (expected: boolean)");
    }

    @Test
    void instance_info_holds_posix_times_as_longs_and_monotonic_times_as_doubles() {
        InstanceInfo info = InstanceInfo.fromMap(struct("identifier", "h:1", "nick_identifier", "h", "node_name",
                "h", "port", 1, "statecode", 3, "statename", "RUNNING", "loading", 25, "process_failure", true,
                "remote_sequence_counter", 12, "remote_time", 1700000000, "remote_mtime", 5.5,
                "local_sequence_counter", 13, "local_time", 1700000001, "local_mtime", 6.5));
        assertThat(info.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(info.loading()).isEqualTo(25);
        assertThat(info.processFailure()).isTrue();
        assertThat(info.remoteTime()).isEqualTo(1700000000L);
        assertThat(info.localMtime()).isEqualTo(6.5);
    }

    @Test
    void master_strategies_and_statistics_status_decode_their_keys() {
        assertThat(InstanceIdentity.fromMap(struct("identifier", "h:1", "nick_identifier", "h")).nickIdentifier())
                .isEqualTo("h");
        Strategies strategies = Strategies.fromMap(struct("auto-fencing", true, "starting", "LESS_LOADED",
                "conciliation", "USER", "supvisors_failure", "RESYNC"));
        assertThat(strategies.autoFencing()).isTrue();
        assertThat(strategies.starting()).isEqualTo(StartingStrategy.LESS_LOADED);
        assertThat(strategies.conciliation()).isEqualTo(ConciliationStrategy.USER);
        assertThat(strategies.supvisorsFailure()).isEqualTo(SupvisorsFailureStrategy.RESYNC);
        assertThat(StatisticsStatus.fromMap(struct("host_stats", true, "process_stats", false,
                "collecting_period", 5)).collectingPeriod()).as("0.19 sends the default as an int").isEqualTo(5.0);
        assertThat(StatisticsStatus.fromMap(struct("host_stats", true, "process_stats", false,
                "collecting_period", 2.5)).collectingPeriod()).isEqualTo(2.5);
    }

    @Test
    void network_info_has_its_network_only_when_known() {
        Map<String, Object> nic = struct("host_name", "alpha", "aliases", List.of("a"), "ipv4_addresses",
                List.of("10.0.0.1"), "nic_info", struct("nic_name", "eth0", "ipv4_address", "10.0.0.1", "netmask",
                        "255.255.255.0"));
        Map<String, Object> map = struct("identifier", "alpha:60000", "nick_identifier", "alpha", "host_id",
                "alpha", "http_port", 60000, "stereotypes", List.of("db"), "network", struct("machine_id",
                        "aa:bb:cc:dd:ee:ff", "fqdn", "alpha.lan", "addresses", struct("eth0", nic)));
        NetworkInfo info = NetworkInfo.fromMap(map);
        assertThat(info.httpPort()).isEqualTo(60000);
        assertThat(info.stereotypes()).containsExactly("db");
        NetworkInfo.Network network = info.network().orElseThrow();
        assertThat(network.machineId()).isEqualTo("aa:bb:cc:dd:ee:ff");
        assertThat(network.addresses().get("eth0")).isEqualTo(new NetworkInfo.NicAddresses("alpha", List.of("a"),
                List.of("10.0.0.1"), "eth0", "10.0.0.1", "255.255.255.0"));
        map.remove("network");
        assertThat(NetworkInfo.fromMap(map).network()).isEmpty();
    }

    @Test
    void application_info_and_rules_of_managed_and_unmanaged_applications() {
        ApplicationInfo info = ApplicationInfo.fromMap(struct("application_name", "web", "managed", true,
                "now_monotonic", 1.0, "statecode", 1, "statename", "STARTING", "major_failure", false,
                "minor_failure", true));
        assertThat(info.state()).isEqualTo(ApplicationState.STARTING);
        assertThat(info.minorFailure()).isTrue();

        ApplicationRules unmanaged = ApplicationRules.fromMap(struct("application_name", "loose", "managed", false));
        assertThat(unmanaged.rules()).isEmpty();
        ApplicationRules managed = ApplicationRules.fromMap(struct("application_name", "web", "managed", true,
                "distribution", "SINGLE_NODE", "identifiers", List.of("*"), "start_sequence", 2, "stop_sequence", 3,
                "starting_strategy", "MOST_LOADED", "starting_failure_strategy", "STOP",
                "running_failure_strategy", "RESTART_APPLICATION", "status_formula", "all('.*')"));
        ApplicationRules.Managed rules = managed.rules().orElseThrow();
        assertThat(rules.distribution()).isEqualTo(DistributionRule.SINGLE_NODE);
        assertThat(rules.identifiers()).containsExactly("*");
        assertThat(rules.startSequence()).isEqualTo(2);
        assertThat(rules.startingStrategy()).isEqualTo(StartingStrategy.MOST_LOADED);
        assertThat(rules.startingFailureStrategy()).isEqualTo(StartingFailureStrategy.STOP);
        assertThat(rules.runningFailureStrategy()).isEqualTo(RunningFailureStrategy.RESTART_APPLICATION);
        assertThat(rules.statusFormula()).isEqualTo("all('.*')");
        assertThatThrownBy(() -> ApplicationRules.fromMap(struct("application_name", "web", "managed", true)))
                .hasMessage("ApplicationRules distribution: missing (expected: string)");
    }

    @Test
    void process_info_rules_and_predictions_give_their_namespec() {
        ProcessInfo info = ProcessInfo.fromMap(struct("application_name", "web", "process_name", "front",
                "now_monotonic", 1.0, "statecode", 100, "statename", "EXITED", "expected_exit", true,
                "last_event_mtime", 0.5, "identifiers", List.of("a:1", "b:1"), "extra_args", ""));
        assertThat(info.state()).isEqualTo(ProcessState.EXITED);
        assertThat(info.namespec()).isEqualTo("web:front");
        assertThat(info.identifiers()).containsExactly("a:1", "b:1");

        ProcessRules rules = ProcessRules.fromMap(struct("application_name", "db", "process_name", "db",
                "identifiers", List.of(), "start_sequence", 1, "stop_sequence", 0, "required", true, "wait_exit",
                false, "expected_loading", 20, "starting_failure_strategy", "ABORT", "running_failure_strategy",
                "CONTINUE"));
        assertThat(rules.namespec()).isEqualTo("db");
        assertThat(rules.expectedLoading()).isEqualTo(20);
        assertThat(rules.required()).isTrue();

        StartPrediction prediction = StartPrediction.fromMap(struct("application_name", "web", "process_name", "x",
                "state", "FATAL", "forced_reason", "No resource available", "running_identifiers", List.of()));
        assertThat(prediction.state()).isEqualTo(ProcessState.FATAL);
        assertThat(prediction.forcedReason()).isEqualTo("No resource available");
    }

    @Test
    void local_and_inner_process_info_share_their_keys() {
        LocalProcessInfo local = LocalProcessInfo.fromMap(localProcess());
        assertThat(local.state()).isEqualTo(ProcessState.RUNNING);
        assertThat(local.start()).isEqualTo(1700000000L);
        assertThat(local.pid()).isEqualTo(1234);
        assertThat(local.extraArgs()).isEqualTo("-v");
        assertThat(local.hasStdout()).isTrue();
        assertThat(local.namespec()).isEqualTo("web:front");

        Map<String, Object> inner = localProcess();
        inner.put("local_mtime", 3.0);
        inner.put("event_time", 4.0);
        inner.put("uptime", 100.0);
        inner.put("has_crashed", false);
        InnerProcessInfo withoutEvent = InnerProcessInfo.fromMap(inner);
        assertThat(withoutEvent.identifier()).isEmpty();
        assertThat(withoutEvent.local().pid()).isEqualTo(1234);
        assertThat(withoutEvent.uptime()).isEqualTo(100.0);
        inner.put("identifier", "a:1");
        inner.put("nick_identifier", "a");
        assertThat(InnerProcessInfo.fromMap(inner).identifier()).contains("a:1");
    }

    @Test
    void supervisor_structures_decode_their_keys() {
        SupervisorProcessInfo info = SupervisorProcessInfo.fromMap(struct("name", "front", "group", "web",
                "description", "Exited too quickly", "start", 1, "stop", 2, "now", 3, "state", 200, "statename",
                "FATAL", "spawnerr", "Exited too quickly (process log may have details)", "exitstatus", 0,
                "logfile", "/tmp/x", "stdout_logfile", "/tmp/x", "stderr_logfile", "", "pid", 0));
        assertThat(info.state()).isEqualTo(ProcessState.FATAL);
        assertThat(info.namespec()).isEqualTo("web:front");
        assertThat(info.raw()).containsEntry("logfile", "/tmp/x");

        ProcessConfigInfo config = ProcessConfigInfo.fromMap(struct("autostart", true, "directory", "none", "uid",
                "none", "command", "/bin/sleep 10", "exitcodes", List.of(0, 2), "group", "g", "group_prio", 999,
                "inuse", true, "killasgroup", false, "name", "n", "process_prio", 999, "redirect_stderr", false,
                "startretries", 3, "startsecs", 1, "stopsignal", 15, "stopwaitsecs", 10, "stdout_logfile", "auto",
                "stderr_logfile", "none", "serverurl", "AUTO"));
        assertThat(config.exitcodes()).containsExactly(0, 2);
        assertThat(config.stopsignal()).isEqualTo(15);
        assertThat(config.raw()).containsEntry("directory", "none");

        ProcessResult result = ProcessResult.fromMap(struct("name", "n", "group", "g", "status", 80,
                "description", "OK"));
        assertThat(result.isSuccess()).isTrue();
        assertThat(ProcessResult.fromMap(struct("name", "n", "group", "g", "status", 60, "description",
                "ALREADY_STARTED")).isSuccess()).isFalse();

        assertThat(LogTail.fromValue(List.of("log text", 120, false))).isEqualTo(new LogTail("log text", 120, false));
        assertThatThrownBy(() -> LogTail.fromValue(List.of("x"))).hasMessage("LogTail: [x] (expected: [string, int,"
                + " boolean])");
        assertThat(ConfigChanges.fromValue(List.of(List.of(List.of("new"), List.of(), List.of("old")))))
                .isEqualTo(new ConfigChanges(List.of("new"), List.of(), List.of("old")));
        assertThatThrownBy(() -> ConfigChanges.fromValue(List.of(List.of(List.of(1), List.of(), List.of()))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknown_keys_stay_in_raw_and_raw_is_read_only() {
        Map<String, Object> map = struct("identifier", "h:1", "nick_identifier", "h", "since_0_20", List.of(1));
        InstanceIdentity identity = InstanceIdentity.fromMap(map);
        assertThat(identity.raw()).containsEntry("since_0_20", List.of(1));
        map.put("later", 1);
        assertThat(identity.raw()).doesNotContainKey("later");
        assertThatThrownBy(() -> identity.raw().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_missing_key_a_wrong_type_and_an_unknown_code_are_named() {
        Map<String, Object> map = new HashMap<>(localProcess());
        map.remove("pid");
        assertThatThrownBy(() -> LocalProcessInfo.fromMap(map))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LocalProcessInfo pid: missing (expected: int)");
        map.put("pid", "1234");
        assertThatThrownBy(() -> LocalProcessInfo.fromMap(map))
                .hasMessage("LocalProcessInfo pid: \"1234\" of type String (expected: int)");
        map.put("pid", null);
        assertThatThrownBy(() -> LocalProcessInfo.fromMap(map)).hasMessage("LocalProcessInfo pid: nil (expected: int)");
        map.put("pid", 1);
        map.put("state", 25);
        assertThatThrownBy(() -> LocalProcessInfo.fromMap(map)).hasMessage("LocalProcessInfo state: ProcessState: 25"
                + " (expected: one of [-1, 0, 10, 20, 30, 40, 100, 200, 1000])");
        Map<String, Object> modes = stateModes(List.of(1));
        assertThatThrownBy(() -> SupvisorsStateModes.fromMap(modes))
                .hasMessage("SupvisorsStateModes starting_jobs[0]: 1 of type Integer (expected: array of strings)");
        assertThatThrownBy(() -> ProcessInfo.fromMap(null)).hasMessage("ProcessInfo: null (expected: a struct)");
    }
}
