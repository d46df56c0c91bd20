package org.supvisors.cli.supvisors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.supvisors.cli.command.NamedCommand;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.command.Upcheck;
import org.supvisors.cli.output.Table;
import org.supvisors.client.CommunicationException;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.ConciliationStrategy;
import org.supvisors.client.model.ProcessInfo;
import org.supvisors.client.model.StartingStrategy;

/** A command of the Supvisors plugin: the version check first, then the command. */
abstract class SupvisorsCommand extends NamedCommand {

    SupvisorsCommand(String name, String... help) {
        super(name, help);
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

    /** The strategy of exactly that name, {@code null} if none. */
    static StartingStrategy startingStrategy(String name) {
        return named(StartingStrategy.class, name);
    }

    /** {@code ['CONFIG', 'LESS_LOADED', ...]}, as Python prints the list of names. */
    static String startingStrategyNames() {
        return names(StartingStrategy.class);
    }

    static ConciliationStrategy conciliationStrategy(String name) {
        return named(ConciliationStrategy.class, name);
    }

    static String conciliationStrategyNames() {
        return names(ConciliationStrategy.class);
    }

    /** The constant of exactly that name (case-sensitive, as 0.19 reads strategy names), {@code null} if none. */
    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }

    /** The names of the constants as Python prints a list of them. */
    private static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return org.supvisors.cli.output.PythonText.repr(names);
    }

    /**
     * The namespecs given, or with none or {@code all}, those of every process of Supvisors that {@code selected}
     * keeps (a fault of {@code get_all_process_info} printed); sorted, as 0.19 processes them.
     */
    static List<String> namespecs(Session session, List<String> args, Predicate<ProcessInfo> selected)
            throws CommunicationException {
        List<String> namespecs = new ArrayList<>();
        if (all(args)) {
            List<ProcessInfo> infos = global(session, () -> session.client().supvisors().getAllProcessInfo());
            for (ProcessInfo info : infos == null ? List.<ProcessInfo>of() : infos) {
                if (selected.test(info)) {
                    namespecs.add(info.namespec());
                }
            }
        } else {
            namespecs.addAll(args);
        }
        namespecs.sort(null);
        return namespecs;
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
