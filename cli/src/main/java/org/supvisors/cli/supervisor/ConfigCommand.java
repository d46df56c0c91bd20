package org.supvisors.cli.supervisor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.ExitStatus;
import org.supvisors.cli.command.Session;
import org.supvisors.client.FaultCode;
import org.supvisors.client.SupervisorApi;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.ConfigChanges;
import org.supvisors.client.model.ProcessConfigInfo;
import org.supvisors.client.model.ProcessResult;
import org.supvisors.client.model.SupervisorProcessInfo;

/**
 * The commands on supervisord's configuration: {@code avail}, {@code reread}, {@code add}, {@code remove},
 * {@code update}.
 */
final class ConfigCommand extends SupervisorCommand {

    /** The five commands. */
    enum Kind { AVAIL, REREAD, ADD, REMOVE, UPDATE }

    private final Kind kind;

    ConfigCommand(Kind kind) {
        super(kind.name().toLowerCase(java.util.Locale.ROOT), help(kind));
        this.kind = kind;
    }

    private static String[] help(Kind kind) {
        return switch (kind) {
            case AVAIL -> new String[] {"avail\t\t\tDisplay all configured processes"};
            case REREAD -> new String[] {"reread \t\t\tReload the daemon's configuration files without add/remove"};
            case ADD -> new String[] {"add <name> [...]\tActivates any updates in config for process/group"};
            case REMOVE -> new String[] {"remove <name> [...]\tRemoves process/group from active config"};
            case UPDATE -> new String[] {
                "update\t\t\tReload config and add/remove as necessary, and will restart affected programs",
                "update all\t\tReload config and add/remove as necessary, and will restart affected programs",
                "update <gname> [...]\tUpdate specific groups"};
        };
    }

    @Override
    public boolean hasJson() {
        return kind == Kind.AVAIL;
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return kind == Kind.ADD || kind == Kind.REMOVE || kind == Kind.UPDATE ? Completion.SUPERVISOR_GROUPS
                : Completion.NONE;
    }

    @Override
    public void run(Session session, List<String> args) throws SupvisorsClientException {
        switch (kind) {
            case AVAIL -> avail(session, args);
            case REREAD -> reread(session, args);
            case ADD -> add(session, args);
            case REMOVE -> remove(session, args);
            case UPDATE -> update(session, args);
        }
    }

    private void avail(Session session, List<String> args) throws SupvisorsClientException {
        if (!args.isEmpty()) {
            usage(session, "Error: avail accepts no arguments", ExitStatus.GENERIC);
            return;
        }
        List<ProcessConfigInfo> infos;
        try {
            infos = session.client().supervisor().getAllConfigInfo();
        } catch (XmlRpcFault fault) {
            session.exitStatus(ExitStatus.GENERIC);
            if (!fault.is(FaultCode.SHUTDOWN_STATE)) {
                throw fault;
            }
            session.problem("ERROR: supervisor shutting down");
            return;
        }
        if (session.json()) {
            List<Map<String, Object>> raws = new ArrayList<>();
            for (ProcessConfigInfo info : infos) {
                raws.add(info.raw());
            }
            session.outputJson(raws);
            return;
        }
        for (ProcessConfigInfo info : infos) {
            StringBuilder line = new StringBuilder(makeNamespec(info.group(), info.name()));
            pad(line, 32);
            line.append(' ');
            int start = line.length();
            line.append(info.inuse() ? "in use" : "avail");
            pad(line, start + 9);
            line.append(' ');
            start = line.length();
            line.append(info.autostart() ? "auto" : "manual");
            pad(line, start + 9);
            line.append(' ').append(info.raw().get("group_prio")).append(':').append(info.raw().get("process_prio"));
            session.output(line.toString());
        }
    }

    private static void pad(StringBuilder line, int width) {
        while (line.length() < width) {
            line.append(' ');
        }
    }

    private void reread(Session session, List<String> args) throws SupvisorsClientException {
        if (!args.isEmpty()) {
            usage(session, "Error: reread accepts no arguments", ExitStatus.GENERIC);
            return;
        }
        ConfigChanges changes;
        try {
            changes = session.client().supervisor().reloadConfig();
        } catch (XmlRpcFault fault) {
            session.exitStatus(ExitStatus.GENERIC);
            if (fault.is(FaultCode.SHUTDOWN_STATE)) {
                session.problem("ERROR: supervisor shutting down");
            } else if (fault.is(FaultCode.CANT_REREAD)) {
                session.problem("ERROR: " + fault.faultString());
            } else {
                throw fault;
            }
            return;
        }
        Map<String, String> changed = new TreeMap<>();
        for (String name : changes.added()) {
            changed.put(name, "available");
        }
        for (String name : changes.changed()) {
            changed.put(name, "changed");
        }
        for (String name : changes.removed()) {
            changed.put(name, "disappeared");
        }
        if (changed.isEmpty()) {
            session.output("No config updates to processes");
        }
        for (Map.Entry<String, String> entry : changed.entrySet()) {
            session.output(entry.getKey() + ": " + entry.getValue());
        }
    }

    private void add(Session session, List<String> names) throws SupvisorsClientException {
        SupervisorApi supervisor = session.client().supervisor();
        for (String name : names) {
            try {
                supervisor.addProcessGroup(name);
                session.output(name + ": added process group");
            } catch (XmlRpcFault fault) {
                if (fault.is(FaultCode.SHUTDOWN_STATE)) {
                    session.problem("ERROR: shutting down");
                    session.exitStatus(ExitStatus.GENERIC);
                } else if (fault.is(FaultCode.ALREADY_ADDED)) {
                    session.problem("ERROR: process group already active");
                } else if (fault.is(FaultCode.BAD_NAME)) {
                    session.problem("ERROR: no such process/group: " + name);
                    session.exitStatus(ExitStatus.GENERIC);
                } else {
                    session.exitStatus(ExitStatus.GENERIC);
                    throw fault;
                }
            }
        }
    }

    private void remove(Session session, List<String> names) throws SupvisorsClientException {
        SupervisorApi supervisor = session.client().supervisor();
        for (String name : names) {
            try {
                supervisor.removeProcessGroup(name);
                session.output(name + ": removed process group");
            } catch (XmlRpcFault fault) {
                session.exitStatus(ExitStatus.GENERIC);
                if (fault.is(FaultCode.STILL_RUNNING)) {
                    session.problem("ERROR: process/group still running: " + name);
                } else if (fault.is(FaultCode.BAD_NAME)) {
                    session.problem("ERROR: no such process/group: " + name);
                } else {
                    throw fault;
                }
            }
        }
    }

    private void update(Session session, List<String> args) throws SupvisorsClientException {
        SupervisorApi supervisor = session.client().supervisor();
        ConfigChanges changes;
        try {
            changes = supervisor.reloadConfig();
        } catch (XmlRpcFault fault) {
            session.exitStatus(ExitStatus.GENERIC);
            if (!fault.is(FaultCode.SHUTDOWN_STATE)) {
                throw fault;
            }
            session.problem("ERROR: already shutting down");
            return;
        }
        Set<String> valid = new LinkedHashSet<>(args);
        if (valid.contains("all")) {
            valid.clear();
        }
        if (!valid.isEmpty()) {
            Set<String> groups = new HashSet<>();
            for (SupervisorProcessInfo info : supervisor.getAllProcessInfo()) {
                groups.add(info.group());
            }
            groups.addAll(changes.added());
            for (String group : valid) {
                if (!groups.contains(group)) {
                    session.problem("ERROR: no such group: " + group);
                    session.exitStatus(ExitStatus.GENERIC);
                }
            }
        }
        for (String group : changes.removed()) {
            if (!valid.isEmpty() && !valid.contains(group)) {
                continue;
            }
            List<ProcessResult> results = supervisor.stopProcessGroup(group, true);
            session.output(group + ": stopped");
            boolean fails = false;
            for (ProcessResult result : results) {
                fails |= result.status() == FaultCode.FAILED.code();
            }
            if (fails) {
                session.output(group + ": has problems; not removing");
                session.exitStatus(ExitStatus.GENERIC);
                continue;
            }
            supervisor.removeProcessGroup(group);
            session.output(group + ": removed process group");
        }
        for (String group : changes.changed()) {
            if (!valid.isEmpty() && !valid.contains(group)) {
                continue;
            }
            supervisor.stopProcessGroup(group, true);
            session.output(group + ": stopped");
            supervisor.removeProcessGroup(group);
            supervisor.addProcessGroup(group);
            session.output(group + ": updated process group");
        }
        for (String group : changes.added()) {
            if (!valid.isEmpty() && !valid.contains(group)) {
                continue;
            }
            supervisor.addProcessGroup(group);
            session.output(group + ": added process group");
        }
    }
}
