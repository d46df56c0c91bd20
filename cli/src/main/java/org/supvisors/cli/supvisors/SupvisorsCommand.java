package org.supvisors.cli.supvisors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.supvisors.cli.command.CliCommand;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.command.Upcheck;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.model.ConciliationStrategy;
import org.supvisors.client.model.StartingStrategy;

/** A command of the Supvisors plugin: the version check first, then the command. */
abstract class SupvisorsCommand implements CliCommand {

    private final String name;
    private final List<String> help;

    SupvisorsCommand(String name, String... help) {
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

    @Override
    public final void run(Session session, List<String> args) throws SupvisorsClientException {
        Upcheck.supvisors(session);
        execute(session, args);
    }

    abstract void execute(Session session, List<String> args) throws SupvisorsClientException;

    /** No argument, or the word {@code all}: every item. */
    static boolean all(List<String> args) {
        return args.isEmpty() || args.contains("all");
    }

    /** Supervisor's {@code make_namespec}: {@code name} alone when the group has its name. */
    static String namespec(String group, String process) {
        return group.equals(process) ? process : group + ":" + process;
    }

    /** The strategy of exactly that name, {@code null} if none. */
    static StartingStrategy startingStrategy(String name) {
        for (StartingStrategy strategy : StartingStrategy.values()) {
            if (strategy.name().equals(name)) {
                return strategy;
            }
        }
        return null;
    }

    /** {@code ['CONFIG', 'LESS_LOADED', ...]}, as Python prints the list of names. */
    static String startingStrategyNames() {
        List<String> names = new ArrayList<>();
        for (StartingStrategy strategy : StartingStrategy.values()) {
            names.add(strategy.name());
        }
        return org.supvisors.cli.output.PythonText.repr(names);
    }

    static ConciliationStrategy conciliationStrategy(String name) {
        for (ConciliationStrategy strategy : ConciliationStrategy.values()) {
            if (strategy.name().equals(name)) {
                return strategy;
            }
        }
        return null;
    }

    static String conciliationStrategyNames() {
        List<String> names = new ArrayList<>();
        for (ConciliationStrategy strategy : ConciliationStrategy.values()) {
            names.add(strategy.name());
        }
        return org.supvisors.cli.output.PythonText.repr(names);
    }

    /** The value of {@code key} in a raw structure. */
    static Object get(Map<String, Object> raw, String key) {
        return raw.get(key);
    }
}
