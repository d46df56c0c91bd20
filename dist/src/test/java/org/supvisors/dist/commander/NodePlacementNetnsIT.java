package org.supvisors.dist.commander;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.netns.NetnsHost;
import org.supvisors.dist.netns.NetnsLab;

/**
 * Placement over two nodes (TC-16, TC-17, TC-19), the rig of the acceptance scenarios: A and C on host h1, B on host
 * h2, two network namespaces of a {@link NetnsLab} whose interfaces have different hardware addresses, hence two
 * machine ids. The {@code *_NODE} strategies sort by node load first, 100 % is shared by A and C only, and a
 * SINGLE_NODE application is spread over the instances of one node. Initial loads, from {@code base} started at
 * DISTRIBUTION: A = 10, B = 15, C = 9 (h1 = 19, h2 = 15); the {@code conv} processes weigh 20.
 *
 * <p>Needs root and iproute2 (network namespaces): skipped elsewhere, saying why.
 */
class NodePlacementNetnsIT {

    private static final String RULES = CommanderRig.BASE_APPLICATION + """
                <application name="conv">
                    <programs>
                        <program pattern="conv_"><expected_loading>20</expected_loading></program>
                        <program pattern="heavy_"><identifiers>A,C,B</identifiers>
                            <expected_loading>60</expected_loading></program>
                    </programs>
                </application>
                <application name="trio">
                    <distribution>SINGLE_NODE</distribution>
                    <programs>
                        <program pattern=""><start_sequence>1</start_sequence>
                            <expected_loading>20</expected_loading></program>
                    </programs>
                </application>
            """;
    private static final int C_PORT = 9011;

    private static NetnsLab lab;
    private static NetnsHost sibling;
    private static final Map<String, NetnsHost> INSTANCES = new TreeMap<>();
    private static final Map<String, String> NICKS = new TreeMap<>();

    @BeforeAll
    static void startInstances() {
        lab = NetnsLab.create("nodes", 2);
        sibling = lab.host(0).sibling(C_PORT);
        INSTANCES.put("A", lab.host(0));
        INSTANCES.put("B", lab.host(1));
        INSTANCES.put("C", sibling);
        INSTANCES.forEach((nick, host) -> NICKS.put(identifier(host), nick));
        Path rules = CommanderRig.rulesFile("nodes", RULES);
        String options = "supvisors_list = <A>" + identifier(lab.host(0)) + ",<B>" + identifier(lab.host(1))
                + ",<C>" + identifier(sibling) + "\nsynchro_options = STRICT\nrules_files = " + rules;
        String[] programs = {
            sleepers("base", "base_a", "base_b", "base_c"),
            sleepers("conv", "conv_00", "conv_01", "conv_02", "heavy_1", "heavy_2"),
            sleepers("trio", "n1", "n2", "n3")};
        for (NetnsHost host : INSTANCES.values()) {
            host.start(options, programs);
        }
        Await.until(Duration.ofSeconds(60), () -> {
            for (NetnsHost host : INSTANCES.values()) {
                assertThat(host.fsmState()).as(host + " on " + host.httpPort()).isEqualTo("OPERATION");
            }
        });
    }

    @AfterAll
    static void stopInstances() {
        if (sibling != null) {
            sibling.stop();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void stopConversions() throws Exception {
        for (String application : List.of("conv", "trio")) {
            if (!"STOPPED".equals(a().struct("supvisors.get_application_info", application).get("statename"))) {
                a().call("supvisors.stop_application", application, true);
            }
        }
        Await.until(CommanderRig.PROGRESS, () -> assertThat(loads()).isEqualTo(Map.of("A", 10, "B", 15, "C", 9)));
    }

    @Test
    void node_strategies_take_the_node_load_first_and_instance_strategies_the_instance_load() throws Exception {
        assertThat(predicted("LESS_LOADED", "conv:conv_00")).containsExactly("C");
        assertThat(predicted("LESS_LOADED_NODE", "conv:conv_00")).as("h2 (15) less loaded than h1 (19)")
                .containsExactly("B");
        assertThat(predicted("MOST_LOADED", "conv:conv_00")).containsExactly("B");
        assertThat(predicted("MOST_LOADED_NODE", "conv:conv_00")).as("h1, then its most loaded instance")
                .containsExactly("A");

        start("LESS_LOADED_NODE", "conv:conv_00", "B");
        start("LESS_LOADED_NODE", "conv:conv_01", "C");
        // h1 = 10 + 29 = 39, h2 = 35: h1, and its most loaded instance
        start("MOST_LOADED_NODE", "conv:conv_02", "C");
        assertThat(loads()).isEqualTo(Map.of("A", 10, "B", 35, "C", 49));
    }

    @Test
    void the_100_percent_of_a_node_is_shared_by_its_instances_only() throws Exception {
        start("CONFIG", "conv:heavy_1", "A");
        // C is on A's node (70 + 9 + 60 > 100), B is not
        start("CONFIG", "conv:heavy_2", "B");
        assertThat(loads()).isEqualTo(Map.of("A", 70, "B", 75, "C", 9));
    }

    @Test
    void single_node_spreads_the_application_over_the_instances_of_one_node() throws Exception {
        List<Map<String, Object>> prediction = structs(a(), "supvisors.test_start_application", "LESS_LOADED",
                "trio");
        assertThat(prediction).extracting(p -> p.get("process_name"), p -> nicks(p.get("running_identifiers")))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("n1", List.of("C")),
                        org.assertj.core.groups.Tuple.tuple("n2", List.of("A")),
                        org.assertj.core.groups.Tuple.tuple("n3", List.of("C")));
        // the least loaded instance, C, chooses the node h1; each process then takes the least loaded of A and C,
        // where ALL_INSTANCES would have put n3 on B
        assertThat(a().call("supvisors.start_application", "LESS_LOADED", "trio", true)).isEqualTo(true);
        assertThat(where("trio:n1")).containsExactly("C");
        assertThat(where("trio:n2")).containsExactly("A");
        assertThat(where("trio:n3")).containsExactly("C");
    }

    private static NetnsHost a() {
        return INSTANCES.get("A");
    }

    private static String identifier(NetnsHost host) {
        return host.clusterAddress() + ":" + host.httpPort();
    }

    /** Starts the process with wait and checks where it runs. */
    private static void start(String strategy, String namespec, String nick) throws XmlRpcException {
        assertThat(predicted(strategy, namespec)).as("prediction").containsExactly(nick);
        assertThat(a().call("supvisors.start_process", strategy, namespec, "", true)).isEqualTo(true);
        assertThat(where(namespec)).as(strategy + " placement of " + namespec).containsExactly(nick);
    }

    private static List<String> predicted(String strategy, String namespec) throws XmlRpcException {
        List<Map<String, Object>> prediction = structs(a(), "supvisors.test_start_process", strategy, namespec);
        return nicks(prediction.get(0).get("running_identifiers"));
    }

    private static List<String> where(String namespec) throws XmlRpcException {
        return nicks(structs(a(), "supvisors.get_process_info", namespec).get(0).get("identifiers"));
    }

    private static Map<String, Integer> loads() throws XmlRpcException {
        Map<String, Integer> loads = new TreeMap<>();
        for (Map<String, Object> info : structs(a(), "supvisors.get_all_instances_info")) {
            loads.put(NICKS.get((String) info.get("identifier")), (Integer) info.get("loading"));
        }
        return loads;
    }

    private static List<String> nicks(Object identifiers) {
        List<String> nicks = new ArrayList<>();
        Arrays.stream((Object[]) identifiers).forEach(i -> nicks.add(NICKS.get((String) i)));
        return nicks;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> structs(NetnsHost host, String method, Object... params)
            throws XmlRpcException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Object o : (Object[]) host.call(method, params)) {
            list.add((Map<String, Object>) o);
        }
        return list;
    }

    /** The section of a group of sleepers (stopped by SIGKILL: see {@link CommanderRig#KILLED_AT_STOP}). */
    private static String sleepers(String group, String... programs) {
        StringBuilder text = new StringBuilder();
        for (String program : programs) {
            text.append("[program:").append(program).append("]\ncommand = ").append(CommanderRig.SLEEPER)
                    .append("\nautostart = false\nstartsecs = 0\nautorestart = false\n")
                    .append(CommanderRig.KILLED_AT_STOP).append("\n\n");
        }
        return text.append("[group:").append(group).append("]\nprograms = ").append(String.join(",", programs))
                .append('\n').toString();
    }
}
