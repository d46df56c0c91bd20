package org.supvisors.cli.supvisors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.supvisors.cli.command.CliCommand;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.command.Upcheck;
import org.supvisors.cli.output.Table;
import org.supvisors.client.CommunicationException;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
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

    /** A call of the API. */
    @FunctionalInterface
    interface ApiCall<T> {
        T call() throws XmlRpcFault, CommunicationException;
    }

    /** The result of a global call, {@code null} once its fault is printed ({@code ERROR (<faultString>)}). */
    static <T> T global(Session session, ApiCall<T> call) throws CommunicationException {
        try {
            return call.call();
        } catch (XmlRpcFault fault) {
            session.globalFault(fault);
            return null;
        }
    }

    /** With {@code --json}, prints the raw structures of {@code items} and returns true; false otherwise. */
    static <T> boolean printedAsJson(Session session, List<T> items, Function<T, Map<String, Object>> raw) {
        if (!session.json()) {
            return false;
        }
        List<Map<String, Object>> raws = new ArrayList<>(items.size());
        for (T item : items) {
            raws.add(raw.apply(item));
        }
        session.outputJson(raws);
        return true;
    }

    /** The selected raw structures with {@code --json}, else the table. */
    static void print(Session session, List<Map<String, Object>> selected, Table table) {
        if (session.json()) {
            session.outputJson(selected);
        } else {
            session.output(table.lines());
        }
    }

    /** The value of {@code key} in a raw structure. */
    static Object get(Map<String, Object> raw, String key) {
        return raw.get(key);
    }
}
