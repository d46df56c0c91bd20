package org.supvisors.cli.supvisors;

import java.util.List;

import org.supvisors.cli.command.CliCommand;

/** The commands of the Supvisors plugin, made one at a time by name (only the command run is loaded). */
public final class SupvisorsCommands {

    /** Their names, sorted as {@code help} lists them. */
    public static final List<String> NAMES = List.of("all_start", "all_start_args", "application_info",
            "application_rules", "conciliate", "conflicts", "disable", "disable_stats", "enable", "enable_stats",
            "end_sync", "instance_status", "lazy_update_numprocs", "local_status", "loglevel", "master",
            "process_rules", "restart_application", "restart_process", "restart_sequence", "sreload", "sshutdown",
            "sstate", "sstatus", "start_any_process", "start_any_process_args", "start_application", "start_args",
            "start_process", "start_process_args", "stats_period", "stats_status", "stop_application",
            "stop_process", "strategies", "sversion", "test_start_application", "test_start_process",
            "update_numprocs");

    private SupvisorsCommands() {
    }

    /** The command of that name, {@code null} if there is none. */
    public static CliCommand create(String name) {
        return switch (name) {
            case "sversion" -> new SversionCommand();
            case "sstate" -> new SstateCommand();
            case "master" -> new MasterCommand();
            case "strategies" -> new StrategiesCommand();
            case "stats_status" -> new StatsStatusCommand();
            case "instance_status" -> new InstanceStatusCommand();
            case "application_info" -> new ApplicationInfoCommand();
            case "application_rules" -> new ApplicationRulesCommand();
            case "sstatus" -> new SstatusCommand();
            case "local_status" -> new LocalStatusCommand();
            case "process_rules" -> new ProcessRulesCommand();
            case "conflicts" -> new ConflictsCommand();
            case "start_application" -> new ApplicationControlCommand(ApplicationControlCommand.Kind.START);
            case "restart_application" -> new ApplicationControlCommand(ApplicationControlCommand.Kind.RESTART);
            case "stop_application" -> new ApplicationControlCommand(ApplicationControlCommand.Kind.STOP);
            case "test_start_application" -> new TestStartCommand(true);
            case "test_start_process" -> new TestStartCommand(false);
            case "start_process" -> new StartProcessCommand(StartProcessCommand.Kind.START);
            case "restart_process" -> new StartProcessCommand(StartProcessCommand.Kind.RESTART);
            case "start_process_args" -> new StartProcessCommand(StartProcessCommand.Kind.START_ARGS);
            case "start_any_process" -> new StartAnyProcessCommand(false);
            case "start_any_process_args" -> new StartAnyProcessCommand(true);
            case "start_args" -> new StartArgsCommand();
            case "all_start" -> new AllStartCommand(false);
            case "all_start_args" -> new AllStartCommand(true);
            case "stop_process" -> new StopProcessCommand();
            case "update_numprocs" -> new ProgramCommand(ProgramCommand.Kind.UPDATE_NUMPROCS);
            case "lazy_update_numprocs" -> new ProgramCommand(ProgramCommand.Kind.LAZY_UPDATE_NUMPROCS);
            case "enable" -> new ProgramCommand(ProgramCommand.Kind.ENABLE);
            case "disable" -> new ProgramCommand(ProgramCommand.Kind.DISABLE);
            case "conciliate" -> new ConciliateCommand();
            case "restart_sequence" -> new ControlCommand(ControlCommand.Kind.RESTART_SEQUENCE);
            case "sreload" -> new ControlCommand(ControlCommand.Kind.SRELOAD);
            case "sshutdown" -> new ControlCommand(ControlCommand.Kind.SSHUTDOWN);
            case "end_sync" -> new EndSyncCommand();
            case "loglevel" -> new LoglevelCommand();
            case "enable_stats" -> new StatisticsCommand(true);
            case "disable_stats" -> new StatisticsCommand(false);
            case "stats_period" -> new StatsPeriodCommand();
            default -> null;
        };
    }
}
