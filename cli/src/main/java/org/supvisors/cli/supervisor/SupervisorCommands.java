package org.supvisors.cli.supervisor;

import java.util.List;

import org.supvisors.cli.command.CliCommand;

/** The standard commands of supervisorctl, made one at a time by name. */
public final class SupervisorCommands {

    /** Their names, as supervisorctl's {@code help} lists them ({@code exit} and {@code quit} are the controller's). */
    public static final List<String> NAMES = List.of("add", "avail", "clear", "exit", "fg", "maintail", "open", "pid",
            "quit", "reload", "remove", "reread", "restart", "shutdown", "signal", "start", "status", "stop", "tail",
            "update", "version");

    private SupervisorCommands() {
    }

    /** The command of that name, {@code null} if there is none. */
    public static CliCommand create(String name) {
        return switch (name) {
            case "status" -> new StatusCommand();
            case "start" -> new ProcessControlCommand(ProcessControlCommand.Kind.START);
            case "stop" -> new ProcessControlCommand(ProcessControlCommand.Kind.STOP);
            case "restart" -> new ProcessControlCommand(ProcessControlCommand.Kind.RESTART);
            case "signal" -> new ProcessControlCommand(ProcessControlCommand.Kind.SIGNAL);
            case "clear" -> new ProcessControlCommand(ProcessControlCommand.Kind.CLEAR);
            case "tail" -> new LogCommand(false);
            case "maintail" -> new LogCommand(true);
            case "pid" -> new PidCommand();
            case "avail" -> new ConfigCommand(ConfigCommand.Kind.AVAIL);
            case "reread" -> new ConfigCommand(ConfigCommand.Kind.REREAD);
            case "add" -> new ConfigCommand(ConfigCommand.Kind.ADD);
            case "remove" -> new ConfigCommand(ConfigCommand.Kind.REMOVE);
            case "update" -> new ConfigCommand(ConfigCommand.Kind.UPDATE);
            case "reload" -> new SupervisordCommand(SupervisordCommand.Kind.RELOAD);
            case "shutdown" -> new SupervisordCommand(SupervisordCommand.Kind.SHUTDOWN);
            case "version" -> new SupervisordCommand(SupervisordCommand.Kind.VERSION);
            case "open" -> new SupervisordCommand(SupervisordCommand.Kind.OPEN);
            case "fg" -> new FgCommand();
            default -> null;
        };
    }
}
