package org.supvisors.cli.command;

import java.util.List;

/** A command with its name and help lines, and Supervisor's namespec rules that the commands share. */
public abstract class NamedCommand implements CliCommand {

    private final String name;
    private final List<String> help;

    protected NamedCommand(String name, String... help) {
        this.name = name;
        this.help = List.of(help);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> help() {
        return help;
    }

    /** Supervisor's {@code split_namespec}: {@code [group, process]}, process {@code null} for {@code group:*}. */
    protected static String[] splitNamespec(String namespec) {
        int colon = namespec.indexOf(':');
        if (colon < 0) {
            return new String[] {namespec, namespec};
        }
        String process = namespec.substring(colon + 1);
        return new String[] {namespec.substring(0, colon), process.isEmpty() || process.equals("*") ? null : process};
    }

    /** Supervisor's {@code make_namespec}: {@code process} alone when the group has its name. */
    protected static String makeNamespec(String group, String process) {
        return group.equals(process) ? process : group + ":" + process;
    }
}
