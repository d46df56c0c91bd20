package org.supvisors.transport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plays supervisord's {@code /proc/<pid>} entries in a temporary directory. */
class SupervisordLocatorTest {

    private static final long PID = 4242;

    @TempDir
    Path dir;

    private Path proc;
    private Path supervisordCwd;
    private Path agentCwd;
    private Path system;

    @BeforeEach
    void layout() throws Exception {
        proc = Files.createDirectories(dir.resolve("proc"));
        supervisordCwd = Files.createDirectories(dir.resolve("home/ops"));
        agentCwd = Files.createDirectories(dir.resolve("agent"));
        system = Files.createDirectories(dir.resolve("etc"));
    }

    private void parent(String... arguments) throws Exception {
        Path process = Files.createDirectories(proc.resolve(Long.toString(PID)));
        Files.write(process.resolve("cmdline"), (String.join("\0", arguments) + "\0").getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(process.resolve("cwd"), supervisordCwd);
        Files.write(process.resolve("environ"), "HOME=/home/ops\0SITE=paris\0".getBytes(StandardCharsets.UTF_8));
    }

    private SupervisordLocator locator() {
        return new SupervisordLocator(proc, List.of(PID), agentCwd, Map.of("AGENT", "yes"),
                List.of(system.resolve("supervisord.conf"), system.resolve("supervisor/supervisord.conf")));
    }

    @Test
    void supervisord_c_option_is_relative_to_its_working_directory_and_brings_its_environment() throws Exception {
        parent("/usr/bin/python3", "/usr/bin/supervisord", "-n", "-c", "conf/supervisord.conf", "-i", "supv01");
        Path file = TestFiles.write(supervisordCwd, "conf/supervisord.conf", "[supervisord]\n");

        SupervisordLocator.Location location = locator().locate(Optional.empty());

        assertThat(location.file()).isEqualTo(file);
        assertThat(location.workingDirectory()).isEqualTo(supervisordCwd);
        assertThat(location.environment()).containsEntry("SITE", "paris").doesNotContainKey("AGENT");
        assertThat(location.identifierOverride()).contains("supv01");
    }

    @Test
    void the_explicit_option_wins_and_is_relative_to_the_agent() throws Exception {
        parent("supervisord", "-c", "conf/supervisord.conf");
        TestFiles.write(supervisordCwd, "conf/supervisord.conf", "[supervisord]\n");
        Path mine = TestFiles.write(agentCwd, "mine.conf", "[supervisord]\n");

        SupervisordLocator.Location location = locator().locate(Optional.of(Path.of("mine.conf")));

        assertThat(location.file()).isEqualTo(mine);
        assertThat(location.environment()).containsEntry("SITE", "paris");
    }

    @Test
    void an_explicit_file_that_does_not_exist_is_fatal() {
        assertThatThrownBy(() -> locator().locate(Optional.of(Path.of("nope.conf"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(agentCwd.resolve("nope.conf") + ": supervisord's configuration file not found"
                        + " (given with -c/--configuration)");
    }

    @Test
    void a_c_option_naming_a_missing_file_is_fatal() throws Exception {
        parent("supervisord", "--configuration=gone.conf");

        assertThatThrownBy(() -> locator().locate(Optional.empty())).isInstanceOf(ConfigurationException.class)
                .hasMessage(supervisordCwd.resolve("gone.conf") + ": supervisord's configuration file not found"
                        + " (from supervisord's command line: gone.conf)");
    }

    @Test
    void without_c_the_default_list_starts_next_to_the_supervisord_program() throws Exception {
        parent("/usr/bin/python3", dir.resolve("opt/bin/supervisord").toString(), "-n");
        Path nextToProgram = TestFiles.write(dir, "opt/etc/supervisord.conf", "[supervisord]\n");
        TestFiles.write(supervisordCwd, "supervisord.conf", "[supervisord]\n");

        assertThat(locator().locate(Optional.empty()).file()).isEqualTo(nextToProgram);
    }

    @Test
    void without_c_the_working_directory_comes_before_the_system_defaults() throws Exception {
        parent("supervisord", "-n");
        Path inEtc = TestFiles.write(supervisordCwd, "etc/supervisord.conf", "[supervisord]\n");
        TestFiles.write(system, "supervisord.conf", "[supervisord]\n");

        assertThat(locator().locate(Optional.empty()).file()).isEqualTo(inEtc);
    }

    @Test
    void without_c_the_system_defaults_come_last() throws Exception {
        parent("supervisord", "-n");
        Path systemFile = TestFiles.write(system, "supervisor/supervisord.conf", "[supervisord]\n");

        assertThat(locator().locate(Optional.empty()).file()).isEqualTo(systemFile);
    }

    @Test
    void nothing_found_names_every_place_tried() throws Exception {
        parent("supervisord", "-n");

        assertThatThrownBy(() -> locator().locate(Optional.empty())).isInstanceOf(ConfigurationException.class)
                .hasMessage("no supervisord configuration file found (supervisord was started without -c); tried: "
                        + supervisordCwd.resolve("etc/supervisord.conf") + ", "
                        + supervisordCwd.resolve("supervisord.conf") + ", "
                        + supervisordCwd.resolve("supervisord.conf") + ", "
                        + supervisordCwd.resolve("etc/supervisord.conf") + ", "
                        + system.resolve("supervisord.conf") + ", " + system.resolve("supervisor/supervisord.conf")
                        + " (expected: give the file with -c/--configuration)");
    }

    @Test
    void a_parent_that_is_not_supervisord_leaves_the_agents_own_context() throws Exception {
        Path process = Files.createDirectories(proc.resolve(Long.toString(PID)));
        Files.write(process.resolve("cmdline"), "/bin/bash\0".getBytes(StandardCharsets.UTF_8));
        Path mine = TestFiles.write(agentCwd, "supervisord.conf", "[supervisord]\n");

        SupervisordLocator.Location location = locator().locate(Optional.empty());

        assertThat(location.file()).isEqualTo(mine);
        assertThat(location.workingDirectory()).isEqualTo(agentCwd);
        assertThat(location.environment()).containsOnly(Map.entry("AGENT", "yes"));
        assertThat(location.identifierOverride()).isEmpty();
    }

    @Test
    void a_parent_without_proc_entries_is_not_supervisord() {
        assertThatThrownBy(() -> locator().locate(Optional.empty())).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("no supervisord configuration file found (no ancestor process [4242] is"
                        + " supervisord); tried: " + agentCwd.resolve("supervisord.conf"));
    }

    @Test
    void supervisord_is_found_above_a_launcher_shell() throws Exception {
        parent("supervisord", "-c", "supervisord.conf");
        Path launcher = Files.createDirectories(proc.resolve("4343"));
        Files.write(launcher.resolve("cmdline"), "/bin/sh\0/opt/supvisors/bin/supvisorsd\0".getBytes(
                StandardCharsets.UTF_8));
        Path file = TestFiles.write(supervisordCwd, "supervisord.conf", "[supervisord]\n");

        SupervisordLocator.Location location = new SupervisordLocator(proc, List.of(4343L, PID, 1L), agentCwd,
                Map.of(), List.of()).locate(Optional.empty());

        assertThat(location.file()).isEqualTo(file);
        assertThat(location.environment()).containsEntry("SITE", "paris");
    }
}
