package org.supvisors.transport.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramLayoutReaderTest {

    @TempDir
    Path dir;

    private final List<ConfigMessage> messages = new ArrayList<>();
    private Path file;

    private ConfiguredProgramLayout read(String text) throws ConfigurationException {
        file = TestFiles.write(dir, "supervisord.conf", text);
        Expansions expansions = new Expansions(Map.of("STAGE", "prod"), "node1");
        IniDocument document = SupervisordFiles.read(file, expansions, messages);
        return new ProgramLayoutReader(document, expansions, messages::add).read();
    }

    /** The expected names were produced by Supervisor 4.2.5's own ServerOptions on the same file. */
    @Test
    void process_names_groups_and_indexes_are_supervisords() throws Exception {
        ConfiguredProgramLayout layout = read(String.join("\n",
                "[program:plain]",
                "command = /bin/true",
                "[program:multi]",
                "command = /bin/true",
                "numprocs = 3",
                "numprocs_start = 5",
                "process_name = %(program_name)s-%(process_num)d",
                "[program:padded]",
                "command = /bin/true",
                "numprocs = 2",
                "process_name = %(group_name)s_%(process_num)02d_of_%(numprocs)d",
                "[program:envy]",
                "command = /bin/true",
                "environment = KIND=\"x%(process_num)d\"",
                "numprocs = 2",
                "process_name = %(ENV_STAGE)s_%(ENV_KIND)s_%(process_num)s_%(host_node_name)s",
                "[program:shared]",
                "command = /bin/true",
                "[fcgi-program:web]",
                "command = /bin/true",
                "socket = tcp://localhost:9999",
                "process_name = w%(process_num)d",
                "numprocs = 2",
                "[eventlistener:listener]",
                "command = /bin/true",
                "events = TICK_5",
                "[group:g1]",
                "programs = shared,multi",
                "[group:g2]",
                "programs = shared, web",
                ""));

        assertThat(layout.placements()).isEqualTo(Map.of(
                "listener", Map.of("listener", new ProcessPlacement("listener", 0, 1)),
                "envy", Map.of("prod_x0_0_node1", new ProcessPlacement("envy", 0, 2),
                        "prod_x1_1_node1", new ProcessPlacement("envy", 1, 2)),
                "g1", Map.of("shared", new ProcessPlacement("shared", 0, 1),
                        "multi-5", new ProcessPlacement("multi", 0, 3),
                        "multi-6", new ProcessPlacement("multi", 1, 3),
                        "multi-7", new ProcessPlacement("multi", 2, 3)),
                "g2", Map.of("shared", new ProcessPlacement("shared", 0, 1),
                        "w0", new ProcessPlacement("web", 0, 2),
                        "w1", new ProcessPlacement("web", 1, 2)),
                "padded", Map.of("padded_00_of_2", new ProcessPlacement("padded", 0, 2),
                        "padded_01_of_2", new ProcessPlacement("padded", 1, 2)),
                "plain", Map.of("plain", new ProcessPlacement("plain", 0, 1))));
        assertThat(layout.placementOf("g1", "multi-6")).contains(new ProcessPlacement("multi", 1, 3));
        assertThat(layout.placementOf("multi", "multi-6")).isEmpty();
        assertThat(layout.placementOf("nope", "x")).isEmpty();
        assertThat(messages).isEmpty();

        assertThat(layout.program("shared")).contains(new ProgramSection("program", "shared", 1,
                "%(program_name)s", Map.of("g1", List.of("shared"), "g2", List.of("shared"))));
        assertThat(layout.program("web")).contains(new ProgramSection("fcgi-program", "web", 2, "w%(process_num)d",
                Map.of("g2", List.of("w0", "w1"))));
        assertThat(layout.program("web").orElseThrow().header()).isEqualTo("fcgi-program:web");
        assertThat(layout.program("listener").orElseThrow().kind()).isEqualTo("eventlistener");
        assertThat(layout.program("nope")).isEmpty();
    }

    /** Checked on Supervisor 4.2.5: a section seen again in a later included file is merged, the later value wins. */
    @Test
    void a_numprocs_override_read_last_wins() throws Exception {
        TestFiles.write(dir, "conf.d/a.conf", "[program:x]\ncommand = /bin/true\nnumprocs = 2\n"
                + "process_name = %(program_name)s_%(process_num)d\n");
        TestFiles.write(dir, NumprocsOverride.FILE_NAME, "[program:x]\nnumprocs = 3\n");
        ConfiguredProgramLayout layout = read("[supervisord]\n[include]\nfiles = conf.d/*.conf "
                + NumprocsOverride.FILE_NAME + "\n");
        assertThat(layout.program("x").orElseThrow().processes()).isEqualTo(Map.of("x", List.of("x_0", "x_1",
                "x_2")));
    }

    @Test
    void bad_program_sections_are_errors_and_their_processes_are_not_placed() throws Exception {
        ConfiguredProgramLayout layout = read(String.join("\n",
                "[program:good]",
                "command = x",
                "[program:no_num]",
                "command = x",
                "numprocs = 2",
                "[program:bad_count]",
                "command = x",
                "numprocs = many",
                "[program:bad_name]",
                "command = x",
                "process_name = a:%(program_name)s",
                "[program:unknown_name]",
                "command = x",
                "process_name = %(nope)s",
                "[program:bad env]",
                "command = x",
                "[group:g]",
                "programs = good,missing",
                ""));

        assertThat(layout.placements()).isEqualTo(Map.of("g", Map.of("good", new ProcessPlacement("good", 0, 1))));
        assertThat(messages).extracting(ConfigMessage::text).containsExactly(
                file + ":18: [group:g] programs=good,missing: names unknown program or fcgi-program missing; its"
                        + " processes are not placed",
                file + ":5: [program:no_num] numprocs=2: %(process_num) must be present within process_name"
                        + " (default %(program_name)s) when numprocs > 1; its processes are not placed",
                file + ":8: [program:bad_count] numprocs=many: invalid literal for int() with base 10: 'many'"
                        + " (expected: an integer); its processes are not placed",
                file + ":11: [program:bad_name] process_name=a:%(program_name)s: Invalid name: 'a:%(program_name)s'"
                        + " because of character: ':'; its processes are not placed",
                file + ":14: [program:unknown_name] process_name=%(nope)s: %(nope) cannot be expanded (available"
                        + " names: ENV_<variable>, group_name, here, host_node_name, numprocs, process_num,"
                        + " program_name); its processes are not placed",
                file + ":15: [program:bad env]: Invalid name: 'bad env' because of character: ' '; its processes"
                        + " are not placed");
    }

    @Test
    void an_ambiguous_program_in_a_group_is_an_error() throws Exception {
        ConfiguredProgramLayout layout = read("[program:x]\ncommand = a\n[fcgi-program:x]\ncommand = a\n"
                + "socket = tcp://localhost:1\n[group:g]\nprograms = x\n");

        assertThat(layout.placements()).doesNotContainKey("g");
        assertThat(messages).extracting(ConfigMessage::text).containsExactly(file + ":7: [group:g] programs=x: name x"
                + " is ambiguous (exists as program and fcgi-program); its processes are not placed");
    }

    @Test
    void the_reference_workload_places_61_processes() throws Exception {
        Path programs = resource("config/workload/programs.ini");
        ConfiguredProgramLayout layout = read("[supervisord]\n[include]\nfiles = " + programs + "\n");

        assertThat(layout.size()).isEqualTo(61);
        assertThat(layout.placements().keySet()).containsExactlyInAnyOrder("infra", "core", "sentinel", "hmi", "bulk");
        assertThat(layout.placements().get("infra")).isEqualTo(Map.of(
                "prepare", new ProcessPlacement("prepare", 0, 1),
                "config_server", new ProcessPlacement("config_server", 0, 1)));
        assertThat(layout.placements().get("core")).isEqualTo(Map.of(
                "acquisition_01", new ProcessPlacement("acquisition", 0, 3),
                "acquisition_02", new ProcessPlacement("acquisition", 1, 3),
                "acquisition_03", new ProcessPlacement("acquisition", 2, 3),
                "processing_01", new ProcessPlacement("processing", 0, 2),
                "processing_02", new ProcessPlacement("processing", 1, 2),
                "recorder", new ProcessPlacement("recorder", 0, 1)));
        assertThat(layout.placements().get("sentinel")).containsOnlyKeys("guardian");
        assertThat(layout.placements().get("hmi")).containsOnlyKeys("gui", "web_gateway");
        Map<String, ProcessPlacement> bulk = layout.placements().get("bulk");
        assertThat(bulk).hasSize(50);
        for (int number = 1; number <= 50; number++) {
            assertThat(bulk.get(String.format("worker_%03d", number)))
                    .isEqualTo(new ProcessPlacement("worker", number - 1, 50));
        }
        assertThat(messages).extracting(ConfigMessage::text)
                .containsExactly("Included extra file \"" + programs + "\" during parsing");
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(Optional.ofNullable(ProgramLayoutReaderTest.class.getClassLoader().getResource(name))
                .orElseThrow(() -> new IllegalStateException("no test resource " + name)).toURI());
    }
}
