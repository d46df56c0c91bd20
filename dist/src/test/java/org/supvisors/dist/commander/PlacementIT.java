package org.supvisors.dist.commander;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.dist.commander.CommanderRig.homogeneous;
import static org.supvisors.dist.commander.CommanderRig.sleeper;
import static org.supvisors.dist.commander.CommanderRig.sleepers;
import static org.supvisors.dist.commander.CommanderRig.assertFault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where processes are started on A, B, C (TC-13 to TC-19, TC-37 to TC-39): each starting strategy with loads made
 * observable by {@code expected_loading}, the predictions of {@code test_start_process} and
 * {@code test_start_application} against the real start, SINGLE_INSTANCE, and the {@code #} and {@code @} signs.
 *
 * <p>The three instances are on one host, hence one node: the node load is the sum of the three loads and the 100 %
 * capacity is shared (a start fails when the three together cannot take it, whatever the instance), and the
 * {@code *_NODE} strategies sort by instance load only (every candidate has the same node load), so they choose as
 * LESS_LOADED and MOST_LOADED do. Initial loads, from the application {@code base} started at DISTRIBUTION:
 * A = 10, B = 15, C = 9 (node 34); every {@code conv} process weighs 10.
 */
class PlacementIT {

    private static final String RULES = CommanderRig.BASE_APPLICATION + """
                <alias name="consoles">A,B,C</alias>
                <application name="conv">
                    <programs>
                        <program pattern="^conv_\\d+$"><expected_loading>10</expected_loading></program>
                        <program name="conv_ca"><identifiers>C,A</identifiers>
                            <expected_loading>10</expected_loading></program>
                        <program name="conv_b"><identifiers>B</identifiers>
                            <expected_loading>10</expected_loading></program>
                    </programs>
                </application>
                <application name="pack">
                    <starting_strategy>LESS_LOADED</starting_strategy>
                    <programs>
                        <program pattern=""><start_sequence>1</start_sequence>
                            <expected_loading>10</expected_loading></program>
                    </programs>
                </application>
                <application name="solo">
                    <distribution>SINGLE_INSTANCE</distribution>
                    <identifiers>C,A</identifiers>
                    <programs>
                        <program name="s1"><start_sequence>1</start_sequence><expected_loading>10</expected_loading>
                            <identifiers>B</identifiers></program>
                        <program name="s2"><start_sequence>2</start_sequence><expected_loading>10</expected_loading>
                            </program>
                    </programs>
                </application>
                <application name="hg">
                    <programs>
                        <program pattern="prg_\\d+"><identifiers>#</identifiers><start_sequence>1</start_sequence>
                            </program>
                        <program pattern="prh_\\d+"><identifiers>#,C,A</identifiers><start_sequence>1</start_sequence>
                            </program>
                        <program name="prg_00x"><identifiers>#</identifiers><start_sequence>1</start_sequence>
                            </program>
                    </programs>
                </application>
                <application name="hat">
                    <programs>
                        <program pattern="pat_\\d+"><identifiers>@</identifiers><start_sequence>1</start_sequence>
                            </program>
                    </programs>
                </application>
                <application pattern="hci_">
                    <distribution>SINGLE_INSTANCE</distribution>
                    <identifiers>#,consoles</identifiers>
                    <start_sequence>1</start_sequence>
                    <programs>
                        <program name="view"><start_sequence>1</start_sequence></program>
                    </programs>
                </application>
            """;

    @RegisterExtension
    static final CommanderRig rig = CommanderRig.of("placement", RULES, b -> {
        sleepers(b, "base", "base_a", "base_b", "base_c");
        b.section(homogeneous("conv", 6));
        sleeper(sleeper(b, "conv_ca"), "conv_b").section("[group:conv]\nprograms = conv,conv_ca,conv_b\n");
        sleepers(b, "pack", "p1", "p2", "p3");
        sleepers(b, "solo", "s1", "s2");
        b.section(homogeneous("prg", 5)).section(homogeneous("prh", 3));
        sleeper(b, "prg_00x").section("[group:hg]\nprograms = prg,prh,prg_00x\n");
        b.section(homogeneous("pat", 4)).section("[group:hat]\nprograms = pat\n");
        sleepers(b, "hci_01", "view");
        for (String hci : List.of("hci_02", "hci_04", "hci_x")) {
            b.section("[group:" + hci + "]\nprograms = view\n");
        }
    });

    /** Every test starts from the loads of {@code base} alone. */
    @BeforeEach
    void stopConversions() throws Exception {
        for (String application : List.of("conv", "pack", "solo")) {
            if (!"STOPPED".equals(rig.master().struct("supvisors.get_application_info", application)
                    .get("statename"))) {
                rig.master().call("supvisors.stop_application", application, true);
            }
        }
        rig.awaitLoads(10, 15, 9);
    }

    @Test
    void config_takes_the_first_candidate_in_rule_order_and_fails_when_the_node_is_full() throws Exception {
        step("A", "CONFIG", "conv:conv_00", "A");
        step("A", "CONFIG", "conv:conv_ca", "C");
        step("A", "CONFIG", "conv:conv_b", "B");
        step("A", "CONFIG", "conv:conv_01", "A");
        step("A", "CONFIG", "conv:conv_02", "A");
        step("A", "CONFIG", "conv:conv_03", "A");
        rig.awaitLoads(50, 25, 19);
        // node 94: A alone is at 50, yet the three instances share the node's 100
        step("A", "CONFIG", "conv:conv_04", null);
        rig.awaitLoads(50, 25, 19);
    }

    @Test
    void less_loaded_takes_the_least_loaded_instance_and_the_first_in_rule_order_on_a_tie() throws Exception {
        step("B", "LESS_LOADED", "conv:conv_00", "C");
        step("B", "LESS_LOADED", "conv:conv_01", "A");
        step("B", "LESS_LOADED", "conv:conv_02", "B");
        rig.awaitLoads(20, 25, 19);
        step("B", "LESS_LOADED", "conv:conv_03", "C");
        step("B", "LESS_LOADED", "conv:conv_ca", "A");
        rig.awaitLoads(30, 25, 29);
    }

    @Test
    void most_loaded_takes_the_most_loaded_instance_until_the_node_is_full() throws Exception {
        step("C", "MOST_LOADED", "conv:conv_00", "B");
        step("C", "MOST_LOADED", "conv:conv_01", "B");
        step("C", "MOST_LOADED", "conv:conv_ca", "A");
        rig.awaitLoads(20, 35, 9);
        step("C", "MOST_LOADED", "conv:conv_02", "B");
        step("C", "MOST_LOADED", "conv:conv_03", "B");
        step("C", "MOST_LOADED", "conv:conv_04", "B");
        rig.awaitLoads(20, 65, 9);
        step("C", "MOST_LOADED", "conv:conv_05", null);
    }

    @Test
    void local_takes_the_instance_called_and_fails_at_once_where_the_process_may_not_run() throws Exception {
        step("C", "LOCAL", "conv:conv_00", "C");
        step("B", "LOCAL", "conv:conv_01", "B");
        step("A", "LOCAL", "conv:conv_ca", "A");
        step("A", "LOCAL", "conv:conv_b", null);
        rig.awaitLoads(20, 25, 19);
    }

    @Test
    void node_strategies_on_one_node_order_by_instance_load() throws Exception {
        step("A", "LESS_LOADED_NODE", "conv:conv_00", "C");
        step("A", "LESS_LOADED_NODE", "conv:conv_01", "A");
        step("A", "LESS_LOADED_NODE", "conv:conv_02", "B");
        step("A", "MOST_LOADED_NODE", "conv:conv_03", "B");
        step("A", "MOST_LOADED_NODE", "conv:conv_ca", "A");
        rig.awaitLoads(30, 35, 19);
    }

    @Test
    void test_start_application_predicts_the_placement_with_the_pending_loads_and_start_application_does_it()
            throws Exception {
        List<Map<String, Object>> prediction = rig.agent("B").structs("supvisors.test_start_application",
                "LESS_LOADED", "pack");
        // p1, p2, p3 start together: each placed with the pending load of the previous ones
        assertThat(placements(prediction)).containsExactly(Map.entry("p1", List.of("C")),
                Map.entry("p2", List.of("A")), Map.entry("p3", List.of("B")));
        assertThat(prediction).allSatisfy(p -> assertThat(p).containsEntry("state", "RUNNING")
                .containsEntry("forced_reason", "").containsEntry("application_name", "pack"));
        assertThat(rig.state("pack:p1")).as("nothing started by the prediction").isEqualTo("STOPPED");

        assertThat(rig.agent("B").call("supvisors.start_application", "LESS_LOADED", "pack", true)).isEqualTo(true);
        assertThat(rig.where("pack:p1")).containsExactly("C");
        assertThat(rig.where("pack:p2")).containsExactly("A");
        assertThat(rig.where("pack:p3")).containsExactly("B");
        rig.awaitLoads(20, 25, 19);
    }

    @Test
    void single_instance_places_the_whole_application_on_one_instance_chosen_by_the_strategy() throws Exception {
        List<Map<String, Object>> prediction = rig.master().structs("supvisors.test_start_application",
                "MOST_LOADED", "solo");
        assertThat(placements(prediction)).containsExactly(Map.entry("s1", List.of("A")),
                Map.entry("s2", List.of("A")));
        // candidates C, A (the program's own identifiers are ignored): MOST_LOADED takes A (10 > 9)
        assertThat(rig.master().call("supvisors.start_application", "MOST_LOADED", "solo", true)).isEqualTo(true);
        assertThat(rig.where("solo:s1")).containsExactly("A");
        assertThat(rig.where("solo:s2")).containsExactly("A");
        rig.master().call("supvisors.stop_application", "solo", true);

        assertThat(rig.master().call("supvisors.start_application", "LESS_LOADED", "solo", true)).isEqualTo(true);
        assertThat(rig.where("solo:s1")).containsExactly("C");
        assertThat(rig.where("solo:s2")).containsExactly("C");

        // a process started alone joins its application where it runs (A is less loaded: 10 against 19)
        rig.master().call("supvisors.stop_process", "solo:s2", true);
        step("A", "LESS_LOADED", "solo:s2", "C");
        // an application stopped: a process started alone is placed as its application would be (C, A), not by
        // its program's identifiers (B)
        rig.master().call("supvisors.stop_application", "solo", true);
        step("B", "CONFIG", "solo:s1", "C");
    }

    @Test
    void hash_and_at_signs_spread_homogeneous_processes_once_the_application_start_is_planned() throws Exception {
        assertThat(rig.master().structs("supvisors.get_process_rules", "hg:prg_00").get(0).get("identifiers"))
                .as("unresolved before any application start").isEqualTo(new Object[0]);
        assertFault(40, "ABNORMAL_TERMINATION: failed to start hg:prg_00",
                () -> rig.master().call("supvisors.start_process", "CONFIG", "hg:prg_00", "", true));
        rig.awaitState("hg:prg_00", "FATAL");
        assertThat(rig.master().structs("supvisors.get_process_rules", "hg:prg_00x").get(0).get("identifiers"))
                .as("a sign in a program selected by name is reset to *").isEqualTo(new Object[] {"*"});

        List<Map<String, Object>> prediction = rig.master().structs("supvisors.test_start_application", "CONFIG",
                "hg");
        assertThat(rig.master().call("supvisors.start_application", "CONFIG", "hg", true)).isEqualTo(true);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("prg_00", "A");
        expected.put("prg_01", "B");
        expected.put("prg_02", "C");
        expected.put("prg_03", "A");
        expected.put("prg_04", "B");
        expected.put("prh_00", "C");
        expected.put("prh_01", "A");
        expected.put("prh_02", "C");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertThat(rig.where("hg:" + e.getKey())).as(e.getKey()).containsExactly(e.getValue());
            assertThat(rig.master().structs("supvisors.get_process_rules", "hg:" + e.getKey()).get(0)
                    .get("identifiers")).as(e.getKey() + " rules").isEqualTo(new Object[] {rig.id(e.getValue())});
        }
        Map<String, List<String>> predicted = placements(prediction);
        expected.forEach((name, nick) -> assertThat(predicted.get(name)).as("predicted " + name)
                .containsExactly(nick));

        assertThat(rig.master().call("supvisors.start_application", "CONFIG", "hat", true)).isEqualTo(true);
        assertThat(rig.where("hat:pat_00")).containsExactly("A");
        assertThat(rig.where("hat:pat_01")).containsExactly("B");
        assertThat(rig.where("hat:pat_02")).containsExactly("C");
        Map<String, Object> pat03 = rig.master().structs("supvisors.get_process_info", "hat:pat_03").get(0);
        assertThat(pat03).containsEntry("statename", "FATAL");
        assertThat(rig.master().struct("supvisors.get_application_info", "hat"))
                .containsEntry("statename", "RUNNING").containsEntry("minor_failure", true);
        assertThat(rig.master().structs("supvisors.get_process_rules", "hat:pat_03").get(0).get("identifiers"))
                .isEqualTo(new Object[0]);
    }

    @Test
    void hash_sign_of_applications_binds_each_copy_to_the_instance_of_its_number() throws Exception {
        rig.awaitWhere("hci_01:view", "A");
        rig.awaitWhere("hci_02:view", "B");
        rig.awaitWhere("hci_04:view", "A");
        assertThat(rig.master().struct("supvisors.get_application_rules", "hci_02").get("identifiers"))
                .isEqualTo(new Object[] {"B"});
        assertThat(rig.master().struct("supvisors.get_application_rules", "hci_x"))
                .containsEntry("start_sequence", 0);
        assertThat(rig.state("hci_x:view")).isEqualTo("STOPPED");
    }

    /**
     * Predicts the start of one process by {@code caller} with {@code strategy}, starts it with wait, and checks
     * that it runs on {@code expected} as predicted; {@code null}: no instance can take it, the start fails with
     * ABNORMAL_TERMINATION and the process is FATAL (No resource available).
     */
    private static void step(String caller, String strategy, String namespec, String expected) throws Exception {
        List<Map<String, Object>> prediction = rig.agent(caller).structs("supvisors.test_start_process", strategy,
                namespec);
        assertThat(prediction).hasSize(1);
        Object[] predicted = (Object[]) prediction.get(0).get("running_identifiers");
        if (expected == null) {
            assertThat(prediction.get(0)).containsEntry("state", "FATAL")
                    .containsEntry("forced_reason", "No resource available");
            assertThat(predicted).isEmpty();
            assertFault(40, "ABNORMAL_TERMINATION: failed to start " + namespec,
                    () -> rig.agent(caller).call("supvisors.start_process", strategy, namespec, "", true));
            rig.awaitState(namespec, "FATAL");
            assertThat(rig.where(namespec)).isEmpty();
            return;
        }
        assertThat(prediction.get(0)).containsEntry("state", "RUNNING").containsEntry("forced_reason", "");
        assertThat(predicted).as(strategy + " prediction for " + namespec).containsExactly(rig.id(expected));
        assertThat(rig.agent(caller).call("supvisors.start_process", strategy, namespec, "", true)).isEqualTo(true);
        assertThat(rig.where(namespec)).as(strategy + " placement of " + namespec).containsExactly(expected);
    }

    /** process name → nicknames of the predicted instances, in the order of the prediction. */
    private static Map<String, List<String>> placements(List<Map<String, Object>> prediction) {
        Map<String, List<String>> placements = new LinkedHashMap<>();
        for (Map<String, Object> p : prediction) {
            List<String> nicks = new ArrayList<>();
            Arrays.stream((Object[]) p.get("running_identifiers")).forEach(i -> nicks.add(rig.nick((String) i)));
            placements.put((String) p.get("process_name"), nicks);
        }
        return placements;
    }
}
