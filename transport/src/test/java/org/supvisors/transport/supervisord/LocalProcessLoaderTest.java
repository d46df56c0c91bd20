package org.supvisors.transport.supervisord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.supervisor.LocalProcess;
import org.supvisors.transport.config.ProgramLayout;

/** The merge rules for what a real supervisord cannot easily show (see LocalProcessLoaderIT for the rest). */
class LocalProcessLoaderTest {

    private static final ProgramLayout UNKNOWN_TO_FILES = (group, process) -> Optional.empty();

    @Test
    void a_process_missing_from_get_all_config_info_gets_supervisor_defaults() {
        LocalProcess process = LocalProcessLoader.merge(info(ProcessState.EXITED, 0, ""), Optional.empty(),
                UNKNOWN_TO_FILES, (group, name) -> Optional.empty());
        assertThat(process.startsecs()).isEqualTo(1);
        assertThat(process.stopwaitsecs()).isEqualTo(10);
        assertThat(process.expected()).isTrue();
        assertThat(process.autorestart()).isEqualTo("unexpected");
        assertThat(process.programName()).isEqualTo("web");
        assertThat(process.processIndex()).isZero();
    }

    @Test
    void autorestart_told_by_a_newer_supervisord_wins_over_the_files() {
        LocalProcess process = LocalProcessLoader.merge(info(ProcessState.RUNNING, 0, ""),
                Optional.of(config(Optional.of("false"))), UNKNOWN_TO_FILES, (group, name) -> Optional.of("true"));
        assertThat(process.autorestart()).isEqualTo("false");
        LocalProcess fromFiles = LocalProcessLoader.merge(info(ProcessState.RUNNING, 0, ""),
                Optional.of(config(Optional.empty())), UNKNOWN_TO_FILES, (group, name) -> Optional.of("true"));
        assertThat(fromFiles.autorestart()).isEqualTo("true");
    }

    @Test
    void a_backoff_with_a_spawn_error_is_not_expected() {
        assertThat(LocalProcessLoader.merge(info(ProcessState.BACKOFF, 0, "can't find command 'x'"), Optional.empty(),
                UNKNOWN_TO_FILES, (group, name) -> Optional.empty()).expected()).isFalse();
    }

    @Test
    void supervisor_autorestart_values_are_normalised() {
        assertThat(ProcessConfigInfo.normalisedAutorestart(Boolean.TRUE)).contains("true");
        assertThat(ProcessConfigInfo.normalisedAutorestart(Boolean.FALSE)).contains("false");
        assertThat(ProcessConfigInfo.normalisedAutorestart("unexpected")).contains("unexpected");
        assertThat(ProcessConfigInfo.normalisedAutorestart(Map.of("__module__", "supervisor.datatypes"))).isEmpty();
        assertThat(ProcessConfigInfo.normalisedAutorestart(null)).isEmpty();
    }

    private static ProcessInfo info(ProcessState state, int exitstatus, String spawnerr) {
        return new ProcessInfo("app", "web", state, "", 0, 0, 100, 0, spawnerr, exitstatus, "", "");
    }

    private static ProcessConfigInfo config(Optional<String> autorestart) {
        return new ProcessConfigInfo("app", "web", "sleep 1", true, autorestart, List.of(0), 1, 3, 10, 15, "none",
                "none", false, false, false, true, 999, 999, Map.of());
    }
}
