package org.supvisors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.supvisors.cli.command.Connection;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.supervisor.SupervisorCommands;
import org.supvisors.cli.supvisors.SupvisorsCommands;

/** The lines that need no agent: help, unknown syntax, the end of a session. */
class ControllerTest {

    private final StringWriter out = new StringWriter();
    private final Session session = new Session(new PrintWriter(out), new PrintWriter(new StringWriter()),
            new Connection("http://127.0.0.1:1", null, null, 2), false);
    private final Controller controller = new Controller(session, false);

    @Test
    void words_are_split_on_runs_of_white_space_as_python_splits_them() {
        assertThat(Controller.split("  a \t b\n c  ")).containsExactly("a", "b", "c");
        assertThat(Controller.split("   ")).isEmpty();
    }

    @Test
    void help_lists_the_default_and_the_supvisors_commands_in_two_sections() {
        controller.execute("help");

        assertThat(out.toString()).startsWith("\ndefault commands (type help <topic>):\n"
                + "=====================================\n"
                + "add    exit      open  reload  restart   start   tail   \n")
                .contains("\nsupvisors commands (type help <topic>):\n=======================================\n"
                        + "all_start             local_status            start_application     \n");
        assertThat(session.exitStatus()).isZero();
    }

    @Test
    void every_command_has_help_and_a_question_mark_means_help() {
        for (String name : Controller.names()) {
            if (!name.equals("help") && !name.equals("quit") && !name.equals("exit")) {
                assertThat(Controller.command(name).help()).as(name).isNotEmpty();
                assertThat(Controller.command(name).name()).isEqualTo(name);
            }
        }
        assertThat(SupvisorsCommands.NAMES).as("cli.md, help texts").containsExactly("all_start", "all_start_args",
                "application_info", "application_rules", "conciliate", "conflicts", "disable", "disable_stats",
                "enable", "enable_stats", "end_sync", "instance_status", "lazy_update_numprocs", "local_status",
                "loglevel", "master", "process_rules", "restart_application", "restart_process", "restart_sequence",
                "sreload", "sshutdown", "sstate", "sstatus", "start_any_process", "start_any_process_args",
                "start_application", "start_args", "start_process", "start_process_args", "stats_period",
                "stats_status", "stop_application", "stop_process", "strategies", "sversion",
                "test_start_application", "test_start_process", "update_numprocs");
        assertThat(SupervisorCommands.NAMES).contains("tail", "maintail", "fg", "signal", "avail");

        controller.execute("?sstatus");

        assertThat(out.toString()).isEqualTo("sstatus <proc>\t\t\t\tGet the status of the process named proc.\n"
                + "sstatus <appli>:*\t\t\tGet the process status of application named appli.\n"
                + "sstatus <proc> <proc>\t\t\tGet the status for multiple named processes\n"
                + "sstatus\t\t\t\t\tGet the status of all processes.\n");
    }

    @Test
    void an_unknown_command_costs_one_message_and_exit_status_1() {
        assertThat(controller.execute("frobnicate now")).isFalse();
        controller.execute("help frobnicate");

        assertThat(out.toString()).isEqualTo("*** Unknown syntax: frobnicate now\n*** No help on frobnicate\n");
        assertThat(session.exitStatus()).isEqualTo(1);
    }

    @Test
    void quit_exit_and_eof_end_the_session_and_a_blank_line_does_nothing() {
        assertThat(controller.execute("   ")).isFalse();
        assertThat(controller.execute("quit")).isTrue();
        assertThat(controller.execute("exit")).isTrue();
        assertThat(controller.execute("EOF")).isTrue();
        assertThat(session.exitStatus()).isZero();
    }
}
