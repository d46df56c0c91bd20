package org.supvisors.dist.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.Test;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/** Extra arguments reach the real process through the launcher, and are refused clearly without it. */
class AgentExtraArgsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void extra_arguments_reach_the_process_through_the_launcher_and_need_it() throws Exception {
        String launcher = TestingAgent.HOME.resolve("bin/supvisors-launch").toString();
        try (TestingAgent agent = TestingAgent.builder("args")
                .program("argv", launcher + " /bin/sh -c 'printf \"%%s\\n\" \"$@\" > %(test_dir)s/argv.txt;"
                        + " exec sleep 1000' argv --fixed", "startsecs = 0")
                .program("plain", "/bin/sleep 1000", "startsecs = 0")
                .build().start().awaitOperation(TIMEOUT)) {
            Path argv = agent.directory().resolve("argv.txt");

            assertThat(agent.call("supvisors.start_args", "argv", "-x 'a b' \"c d\" $HOME", true)).isEqualTo(true);
            Await.until(TIMEOUT, () -> assertThat(argv).exists());
            Await.until(TIMEOUT, () -> assertThat(Files.readAllLines(argv))
                    .containsExactly("--fixed", "-x", "a b", "c d", "$HOME"));
            Await.until(TIMEOUT, () -> assertThat(agent.structs("supvisors.get_process_info", "argv").get(0))
                    .containsEntry("extra_args", "-x 'a b' \"c d\" $HOME"));

            agent.call("supervisor.stopProcess", "argv", true);
            Files.delete(argv);
            assertThat(agent.call("supvisors.start_args", "argv", "", true)).isEqualTo(true);
            Await.until(TIMEOUT, () -> assertThat(argv).exists());
            Await.until(TIMEOUT, () -> assertThat(Files.readAllLines(argv)).containsExactly("--fixed"));

            assertThatThrownBy(() -> agent.call("supvisors.start_args", "plain", "-x", true))
                    .isInstanceOfSatisfying(XmlRpcException.class, f -> {
                        assertThat(f.code).isEqualTo(104);
                        assertThat(f.getMessage()).contains("NOT_APPLICABLE").contains("supvisors-launch");
                    });
            assertThatThrownBy(() -> agent.call("supvisors.start_process", "CONFIG", "plain", "-x", true))
                    .isInstanceOfSatisfying(XmlRpcException.class, f -> assertThat(f.code).isEqualTo(104));
            assertThat(agent.call("supvisors.start_args", "plain", "", true)).isEqualTo(true);
            assertThat(agent.processState("plain")).isIn(List.of("RUNNING", "STARTING"));
        }
    }
}
