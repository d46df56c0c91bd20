package org.supvisors.transport.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.transport.testing.TestingSupervisord;

/**
 * A real supervisord started with {@code -c}: the agent finds its file through {@code /proc}, and the program
 * layout names exactly the processes that supervisord itself created from the reference workload.
 */
class SupervisordConfigurationLoaderIT {

    private static final Pattern STRUCT = Pattern.compile("<struct>(.*?)</struct>", Pattern.DOTALL);

    @Test
    void the_layout_matches_the_processes_of_a_real_supervisord() throws Exception {
        Path programs = ProgramLayoutReaderTest.resource("config/workload/programs.ini");
        try (TestingSupervisord supervisord = TestingSupervisord.builder("config-loader")
                .identifier("supv1")
                .section("[supvisors]\nsupvisors_list = <supv1>127.0.0.1:%(http_port)s,<supv2>127.0.0.1:60110\n"
                        + "synchro_options = STRICT,TIMEOUT\nlogfile = %(here)s/supvisors.log\n")
                .section("[include]\nfiles = " + programs + "\n")
                .build().start()) {
            SupervisordConfigurationLoader loader = new SupervisordConfigurationLoader(new SupervisordLocator(
                    Path.of("/proc"), List.of(supervisord.pid()), Path.of(System.getProperty("user.dir")), Map.of(),
                    SupervisordLocator.SYSTEM_DEFAULTS), HostFacts.system());

            SupervisordConfiguration configuration = loader.load(Optional.empty());

            assertThat(configuration.file()).isEqualTo(supervisord.configuration());
            assertThat(configuration.supervisordIdentifier()).isEqualTo("supv1");
            assertThat(configuration.http().port()).isEqualTo(supervisord.httpPort());
            assertThat(configuration.localIdentity()).isEqualTo(new InstanceIdentity("127.0.0.1:"
                    + supervisord.httpPort(), "supv1", "127.0.0.1", supervisord.httpPort()));
            assertThat(configuration.options().logfile())
                    .contains(supervisord.directory().resolve("supvisors.log").toString());
            List<String[]> processes = groupsAndNames(supervisord.call("supervisor.getAllProcessInfo"));
            assertThat(processes).hasSize(61);
            for (String[] process : processes) {
                assertThat(configuration.layout().placementOf(process[0], process[1]))
                        .as("placement of %s:%s", process[0], process[1]).isPresent();
            }
            assertThat(((ConfiguredProgramLayout) configuration.layout()).size()).isEqualTo(61);
        }
    }

    /** {group, name} of every process in a raw getAllProcessInfo answer. */
    private static List<String[]> groupsAndNames(String xml) {
        List<String[]> processes = new ArrayList<>();
        Matcher struct = STRUCT.matcher(xml);
        while (struct.find()) {
            processes.add(new String[] {member(struct.group(1), "group"), member(struct.group(1), "name")});
        }
        return processes;
    }

    private static String member(String struct, String name) {
        Matcher matcher = Pattern.compile("<name>" + name + "</name>\\s*<value>\\s*<string>([^<]*)</string>")
                .matcher(struct);
        if (!matcher.find()) {
            throw new AssertionError("no " + name + " in " + struct);
        }
        return matcher.group(1);
    }
}
