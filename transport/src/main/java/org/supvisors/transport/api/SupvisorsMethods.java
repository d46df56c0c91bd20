package org.supvisors.transport.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import org.supvisors.core.api.Reply;
import org.supvisors.core.api.SupvisorsApi;
import org.supvisors.core.api.SupvisorsControl;
import org.supvisors.core.api.SupvisorsFault;
import org.supvisors.core.config.LogLevel;
import org.supvisors.core.statistics.Statistics;
import org.supvisors.core.statistics.StatisticsReport;
import org.supvisors.core.strategy.ConciliationStrategy;
import org.supvisors.core.strategy.StartingStrategy;
import org.supvisors.transport.xmlrpc.RpcMethod;
import org.supvisors.transport.xmlrpc.RpcParam;

/**
 * The {@code supvisors.*} XML-RPC methods, bound to the core's {@link SupvisorsApi}: parameters checked here,
 * answers built on the core's thread.
 */
public final class SupvisorsMethods {

    private SupvisorsMethods() {
    }

    /**
     * The status methods and {@code change_log_level}.
     *
     * @param core the way into the core
     * @param logLevel what {@code change_log_level} changes: the level of the agent's logger
     */
    public static List<RpcMethod> all(CoreAccess core, Consumer<LogLevel> logLevel) {
        return all(core, logLevel, (method, params) -> CompletableFuture.failedFuture(
                new SupvisorsFault(org.supvisors.core.api.Fault.FAILED, "supervisord not reachable")));
    }

    /** How a method overridden by the agent reaches supervisord (never blocking the caller). */
    @FunctionalInterface
    public interface SupervisordCall {
        CompletionStage<Object> call(String method, List<Object> params);
    }

    /**
     * The {@code supvisors.*} methods, and the {@code supervisor.*} ones the agent overrides.
     *
     * @param supervisord how {@code supervisor.startProcess} reaches supervisord once allowed
     */
    public static List<RpcMethod> all(CoreAccess core, Consumer<LogLevel> logLevel, SupervisordCall supervisord) {
        List<RpcMethod> methods = new ArrayList<>();
        methods.add(query(core, "get_api_version", "string",
                "Return the version of the Supvisors XML-RPC API (0.19).", SupvisorsApi::getApiVersion));
        methods.add(query(core, "get_supvisors_state", "struct",
                "Return the state and modes of the local Supvisors instance, with the identifiers of the instances"
                        + " having starting or stopping jobs.", SupvisorsApi::getSupvisorsState));
        methods.add(query(core, "get_master_identifier", "struct",
                "Return the identifier and nickname of the Supvisors Master instance, or an empty struct if none.",
                SupvisorsApi::getMasterIdentifier));
        methods.add(query(core, "get_strategies", "struct",
                "Return the default strategies: auto-fencing, starting, conciliation, supvisors_failure.",
                SupvisorsApi::getStrategies));
        methods.add(query(core, "get_statistics_status", "struct",
                "Return whether host and process statistics are collected, and the collecting period.",
                SupvisorsApi::getStatisticsStatus));
        methods.addAll(statistics(core));
        methods.add(queryByName(core, "get_network_info", "identifier", "struct",
                "Return the network identification of the Supvisors instance designated by identifier"
                        + " (identifier, nickname or stereotype).", SupvisorsApi::getNetworkInfo));
        methods.add(query(core, "get_all_instances_state_modes", "array",
                "Return the state and modes published by every Supvisors instance, sorted by identifier.",
                SupvisorsApi::getAllInstancesStateModes));
        methods.add(queryByName(core, "get_instance_state_modes", "identifier", "array",
                "Return the state and modes published by the Supvisors instances designated by identifier.",
                SupvisorsApi::getInstanceStateModes));
        methods.add(query(core, "get_all_instances_info", "array",
                "Return information about every Supvisors instance, sorted by identifier.",
                SupvisorsApi::getAllInstancesInfo));
        methods.add(queryByName(core, "get_instance_info", "identifier", "array",
                "Return information about the Supvisors instances designated by identifier.",
                SupvisorsApi::getInstanceInfo));
        methods.add(query(core, "get_all_applications_info", "array",
                "Return information about every application, in order of discovery.",
                SupvisorsApi::getAllApplicationsInfo));
        methods.add(queryByName(core, "get_application_info", "application_name", "struct",
                "Return information about the application named application_name.",
                SupvisorsApi::getApplicationInfo));
        methods.add(queryByName(core, "get_application_rules", "application_name", "struct",
                "Return the rules of the application named application_name.", SupvisorsApi::getApplicationRules));
        methods.add(query(core, "get_all_process_info", "array",
                "Return the synthetic information of every process of every application.",
                SupvisorsApi::getAllProcessInfo));
        methods.add(queryByName(core, "get_process_info", "namespec", "array",
                "Return the synthetic information of the process namespec, or of every process of group:*.",
                SupvisorsApi::getProcessInfo));
        methods.add(queryByName(core, "get_process_rules", "namespec", "array",
                "Return the rules of the process namespec, or of every process of group:*.",
                SupvisorsApi::getProcessRules));
        methods.add(query(core, "get_all_local_process_info", "array",
                "Return what the local supervisord knows of each of its processes, as used in the handshake.",
                SupvisorsApi::getAllLocalProcessInfo));
        methods.add(queryByName(core, "get_local_process_info", "namespec", "struct",
                "Return what the local supervisord knows of the process namespec.",
                SupvisorsApi::getLocalProcessInfo));
        methods.add(queryByName(core, "get_all_inner_process_info", "identifier", "array",
                "Return the internal record of every process configured on the instances designated by"
                        + " identifier (for debugging).", SupvisorsApi::getAllInnerProcessInfo));
        methods.add(new Method("get_inner_process_info", "array",
                "Return the internal record of the process namespec (or group:*) on the instances designated by"
                        + " identifier (for debugging).",
                List.of(RpcParam.required("identifier", "string"), RpcParam.required("namespec", "string")),
                params -> {
                    String identifier = Params.string(params, 0, "identifier");
                    String namespec = Params.string(params, 1, "namespec");
                    return core.call(s -> s.api().getInnerProcessInfo(identifier, namespec));
                }));
        methods.add(query(core, "get_conflicts", "array",
                "Return the synthetic information of every process running on several instances.",
                SupvisorsApi::getConflicts));
        methods.add(control(core, "start_application", "boolean",
                "Start the managed application application_name with its start sequence, placing its processes"
                        + " with strategy; with wait, return once it is started.",
                List.of(RpcParam.required("strategy", "string"), RpcParam.required("application_name", "string"),
                        RpcParam.optional("wait", "boolean")),
                p -> {
                    StartingStrategy strategy = Params.startingStrategy(p.get(0));
                    String name = Params.string(p, 1, "application_name");
                    boolean wait = Params.bool(p, 2, "wait", true);
                    return (c, r) -> c.startApplication(strategy, name, wait, r);
                }));
        methods.add(control(core, "test_start_application", "array",
                "Predict, without starting anything, where the processes of the managed application"
                        + " application_name would run if it were started with strategy.",
                List.of(RpcParam.required("strategy", "string"), RpcParam.required("application_name", "string")),
                p -> {
                    StartingStrategy strategy = Params.startingStrategy(p.get(0));
                    String name = Params.string(p, 1, "application_name");
                    return (c, r) -> r.value(c.testStartApplication(strategy, name));
                }));
        methods.add(control(core, "stop_application", "boolean",
                "Stop the managed application application_name with its stop sequence; with wait, return once it"
                        + " is stopped.",
                List.of(RpcParam.required("application_name", "string"), RpcParam.optional("wait", "boolean")),
                p -> {
                    String name = Params.string(p, 0, "application_name");
                    boolean wait = Params.bool(p, 1, "wait", true);
                    return (c, r) -> c.stopApplication(name, wait, r);
                }));
        methods.add(control(core, "restart_application", "boolean",
                "Stop the application application_name if it runs, then start it with strategy; with wait, return"
                        + " once it is started.",
                List.of(RpcParam.required("strategy", "string"), RpcParam.required("application_name", "string"),
                        RpcParam.optional("wait", "boolean")),
                p -> {
                    StartingStrategy strategy = Params.startingStrategy(p.get(0));
                    String name = Params.string(p, 1, "application_name");
                    boolean wait = Params.bool(p, 2, "wait", true);
                    return (c, r) -> c.restartApplication(strategy, name, wait, r);
                }));
        methods.add(control(core, "start_args", "boolean",
                "Start the process namespec on the local instance with extra_args appended to its command line"
                        + " (needs the launcher when not empty); with wait, as supervisor.startProcess.",
                List.of(RpcParam.required("namespec", "string"), RpcParam.required("extra_args", "string"),
                        RpcParam.optional("wait", "boolean")),
                p -> {
                    String namespec = Params.string(p, 0, "namespec");
                    String extraArgs = Params.string(p, 1, "extra_args");
                    boolean wait = Params.bool(p, 2, "wait", true);
                    return (c, r) -> c.startArgs(namespec, extraArgs, wait, r);
                }));
        methods.add(control(core, "start_process", "boolean",
                "Start the process namespec (or every process of group:*) where strategy places it, with"
                        + " extra_args; with wait, return once it is started.",
                List.of(RpcParam.required("strategy", "string"), RpcParam.required("namespec", "string"),
                        RpcParam.optional("extra_args", "string"), RpcParam.optional("wait", "boolean")),
                p -> {
                    StartingStrategy strategy = Params.startingStrategy(p.get(0));
                    String namespec = Params.string(p, 1, "namespec");
                    String extraArgs = Params.string(p, 2, "extra_args", "");
                    boolean wait = Params.bool(p, 3, "wait", true);
                    return (c, r) -> c.startProcess(strategy, namespec, extraArgs, wait, r);
                }));
        methods.add(control(core, "test_start_process", "array",
                "Predict, without starting anything, where the process namespec (or every process of group:*)"
                        + " would run if it were started with strategy.",
                List.of(RpcParam.required("strategy", "string"), RpcParam.required("namespec", "string")),
                p -> {
                    StartingStrategy strategy = Params.startingStrategy(p.get(0));
                    String namespec = Params.string(p, 1, "namespec");
                    return (c, r) -> r.value(c.testStartProcess(strategy, namespec));
                }));
        methods.add(control(core, "start_any_process", "string",
                "Start the first process whose namespec matches regex that strategy can place; return its"
                        + " namespec (with wait, once started).",
                List.of(RpcParam.required("strategy", "string"), RpcParam.required("regex", "string"),
                        RpcParam.optional("extra_args", "string"), RpcParam.optional("wait", "boolean")),
                p -> {
                    StartingStrategy strategy = Params.startingStrategy(p.get(0));
                    String regex = Params.string(p, 1, "regex");
                    String extraArgs = Params.string(p, 2, "extra_args", "");
                    boolean wait = Params.bool(p, 3, "wait", true);
                    return (c, r) -> c.startAnyProcess(strategy, regex, extraArgs, wait, r);
                }));
        methods.add(control(core, "stop_process", "boolean",
                "Stop the process namespec (or every process of group:*) wherever it runs; with wait, return once"
                        + " it is stopped.",
                List.of(RpcParam.required("namespec", "string"), RpcParam.optional("wait", "boolean")),
                p -> {
                    String namespec = Params.string(p, 0, "namespec");
                    boolean wait = Params.bool(p, 1, "wait", true);
                    return (c, r) -> c.stopProcess(namespec, wait, r);
                }));
        methods.add(control(core, "restart_process", "boolean",
                "Stop the process namespec (or group:*) where it runs, then start it with strategy and extra_args;"
                        + " with wait, return once it is started.",
                List.of(RpcParam.required("strategy", "string"), RpcParam.required("namespec", "string"),
                        RpcParam.optional("extra_args", "string"), RpcParam.optional("wait", "boolean")),
                p -> {
                    StartingStrategy strategy = Params.startingStrategy(p.get(0));
                    String namespec = Params.string(p, 1, "namespec");
                    String extraArgs = Params.string(p, 2, "extra_args", "");
                    boolean wait = Params.bool(p, 3, "wait", true);
                    return (c, r) -> c.restartProcess(strategy, namespec, extraArgs, wait, r);
                }));
        methods.add(control(core, "restart_sequence", "boolean",
                "Start again the applications of the automatic start sequence never started or in failure; with"
                        + " wait, return once done.",
                List.of(RpcParam.optional("wait", "boolean")),
                p -> {
                    boolean wait = Params.bool(p, 0, "wait", true);
                    return (c, r) -> c.restartSequence(wait, r);
                }));
        methods.add(control(core, "enable", "boolean",
                "Enable the program program_name on the local instance (persisted); supervisord's autostart"
                        + " applies.",
                List.of(RpcParam.required("program_name", "string"), RpcParam.optional("wait", "boolean")),
                p -> {
                    String program = Params.string(p, 0, "program_name");
                    boolean wait = Params.bool(p, 1, "wait", true);
                    return (c, r) -> c.enable(program, wait, r);
                }));
        methods.add(control(core, "disable", "boolean",
                "Disable the program program_name on the local instance (persisted) and stop its processes there;"
                        + " with wait, return once they are stopped.",
                List.of(RpcParam.required("program_name", "string"), RpcParam.optional("wait", "boolean")),
                p -> {
                    String program = Params.string(p, 0, "program_name");
                    boolean wait = Params.bool(p, 1, "wait", true);
                    return (c, r) -> c.disable(program, wait, r);
                }));
        methods.add(control(core, "update_numprocs", "boolean",
                "Change the numprocs of the program program_name on the local instance (an integer > 0, or a"
                        + " string holding one), through the agent's override file that supervisord must include"
                        + " last. The groups holding the program are removed and added again in supervisord: their"
                        + " other processes are stopped and started again. An increase returns once the new"
                        + " processes are in the model. A decrease stops the excess processes (the highest"
                        + " indexes) then returns with wait, at once otherwise; with lazy, it returns at once and"
                        + " the change is made once they have stopped by themselves.",
                List.of(RpcParam.required("program_name", "string"), RpcParam.required("numprocs", "int"),
                        RpcParam.optional("wait", "boolean"), RpcParam.optional("lazy", "boolean")),
                p -> {
                    String program = Params.string(p, 0, "program_name");
                    Object numprocs = p.get(1);
                    boolean wait = Params.bool(p, 2, "wait", true);
                    boolean lazy = Params.bool(p, 3, "lazy", false);
                    return (c, r) -> c.updateNumprocs(program, numprocs, wait, lazy, r);
                }));
        methods.add(new Method("startProcess", "boolean",
                "Start a process (supervisord's startProcess), refused with DISABLED when its program is disabled"
                        + " on this instance.",
                List.of(RpcParam.required("name", "string"), RpcParam.optional("wait", "boolean")),
                p -> {
                    String name = Params.string(p, 0, "name");
                    return core.call(s -> s.controls().checkStartAllowed(name))
                            .thenCompose(allowed -> supervisord.call("supervisor.startProcess", p));
                }).inNamespace("supervisor"));
        AllProcessesCalls all = new AllProcessesCalls(core, supervisord);
        methods.add(new Method("stopAllProcesses", "array",
                "Stop every process of this supervisord (supervisord's stopAllProcesses) but this agent, which runs as"
                        + " one of them; with wait, answer once they are stopped. An array of result structs (name,"
                        + " group, status, description).",
                List.of(RpcParam.optional("wait", "boolean")),
                p -> all.stopAll(Params.bool(p, 0, "wait", true))).inNamespace("supervisor"));
        methods.add(new Method("signalAllProcesses", "array",
                "Send a signal to every process of this supervisord (supervisord's signalAllProcesses) but this"
                        + " agent. An array of result structs (name, group, status, description).",
                List.of(RpcParam.required("signal", "string")),
                p -> all.signalAll(p.get(0))).inNamespace("supervisor"));
        methods.add(control(core, "conciliate", "boolean",
                "Apply a conciliation strategy to every conflict (CONCILIATION state); false for USER.",
                List.of(RpcParam.required("strategy", "string")),
                p -> {
                    ConciliationStrategy strategy = Params.enumeration(p.get(0), ConciliationStrategy.class,
                            "ConciliationStrategies");
                    return (c, r) -> c.conciliate(strategy, r);
                }));
        methods.add(query(core, "restart", "boolean",
                "Stop every application, then restart every supervisord; driven by the Master (forwarded to it).",
                SupvisorsApi::restart));
        methods.add(query(core, "shutdown", "boolean",
                "Stop every application, then shut every supervisord down; driven by the Master (forwarded to it).",
                SupvisorsApi::shutdown));
        methods.add(new Method("end_sync", "boolean",
                "End the SYNCHRONIZATION phase (USER in synchro_options), with master as Master (an identifier,"
                        + " a nickname or a stereotype designating one RUNNING instance), or with the one the election"
                        + " picks when master is empty or not given.",
                List.of(RpcParam.optional("master", "string")),
                params -> {
                    String master = Params.string(params, 0, "master", "");
                    return core.call(s -> s.api().endSync(master));
                }));
        methods.add(new Method("change_log_level", "boolean",
                "Change the level of the logger of the local Supvisors instance: a name among critical, error,"
                        + " warn, info, debug, trace, blather (any case), or its number.",
                List.of(RpcParam.required("level_param", "string")),
                params -> {
                    LogLevel level = Params.logLevel(params.get(0));
                    logLevel.accept(level);
                    System.getLogger(SupvisorsMethods.class.getName()).log(System.Logger.Level.WARNING,
                            "log level changed to " + level.description() + " by change_log_level");
                    return CompletableFuture.completedFuture(Boolean.TRUE);
                }));
        return methods;
    }

    /**
     * The statistics controls of 0.19 (local instance, any state) and the extension queries of this version, named
     * {@code ext_*}: 0.19 has no XML-RPC access to the statistics it compiles.
     */
    private static List<RpcMethod> statistics(CoreAccess core) {
        return List.of(
                statisticsSwitch(core, "host", (statistics, enable) -> statistics.enableHost(enable)),
                statisticsSwitch(core, "process", (statistics, enable) -> statistics.enableProcess(enable)),
                new Method("update_collecting_period", "boolean",
                        "Set the minimum interval, in seconds within [1;3600], between two statistics samples of one"
                                + " entity on the local instance (not persisted).",
                        List.of(RpcParam.required("collecting_period", "double")), params -> {
                            double period = Params.real(params, 0, "collecting_period");
                            return core.call(s -> s.statistics().updateCollectingPeriod(period));
                        }),
                new Method("ext_get_host_statistics", "array",
                        "Extension (not in 0.19): the host statistics compiled for the instances designated by"
                                + " identifier, one struct per period, with their histories.",
                        List.of(RpcParam.required("identifier", "string")), params -> {
                            String identifier = Params.string(params, 0, "identifier");
                            return core.call(s -> StatisticsReport.host(s.statistics(),
                                    s.api().resolve(identifier), s.clock().monotonic()));
                        }),
                new Method("ext_get_process_statistics", "array",
                        "Extension (not in 0.19): the statistics compiled for the process namespec (or group:*, or"
                                + " supervisord) on every instance, one struct per instance and period, with their"
                                + " histories.",
                        List.of(RpcParam.required("namespec", "string")), params -> {
                            String namespec = Params.string(params, 0, "namespec");
                            return core.call(s -> processStatistics(s, namespec));
                        }),
                new Method("ext_get_node_characteristics", "struct",
                        "Extension (not in 0.19): physical and logical cores, current CPU frequency (MHz) and total"
                                + " memory (bytes) of the local node; empty before the first host sample.",
                        List.of(), params -> core.call(s -> StatisticsReport.node(
                                s.statistics()))));
    }

    /** {@code enable_host_statistics} or {@code enable_process_statistics}. */
    private static RpcMethod statisticsSwitch(CoreAccess core, String kind,
                                              BiFunction<Statistics, Boolean, Object> set) {
        String param = "enable_" + kind;
        return new Method("enable_" + kind + "_statistics", "boolean", "Enable or disable the collection of " + kind
                + " statistics on the local instance (not persisted).", List.of(RpcParam.required(param, "boolean")),
                params -> {
                    boolean enable = Params.bool(params, 0, param);
                    return core.call(s -> set.apply(s.statistics(), enable));
                });
    }

    private static Object processStatistics(org.supvisors.core.Supvisors s, String namespec) {
        List<org.supvisors.core.instance.SupvisorsInstance> instances = new ArrayList<>(
                s.context().instances().sorted());
        if (namespec.equals(org.supvisors.core.statistics.ProcessSample.SUPERVISORD)) {
            return StatisticsReport.process(s.statistics(), namespec, instances,
                    s.clock().monotonic());
        }
        List<Object> result = new ArrayList<>();
        for (org.supvisors.core.process.ProcessStatus process : s.api().processes(namespec)) {
            result.addAll(StatisticsReport.process(s.statistics(), process.namespec(),
                    instances, s.clock().monotonic()));
        }
        return result;
    }

    /** A control call: parameters checked here, then run on the core's thread, answered when its work is done. */
    private static RpcMethod control(CoreAccess core, String name, String returnType, String help,
                                     List<RpcParam> params, Function<List<Object>, ControlCall> call) {
        return new Method(name, returnType, help, params, p -> {
            ControlCall bound = call.apply(p);
            return core.call(s -> {
                CompletableFuture<Object> result = new CompletableFuture<>();
                Reply reply = new Reply() {
                    @Override
                    public void value(Object value) {
                        result.complete(value);
                    }

                    @Override
                    public void fault(SupvisorsFault fault) {
                        result.completeExceptionally(fault);
                    }
                };
                s.control(c -> bound.run(c, reply), reply);
                return result;
            }).thenCompose(Function.identity());
        });
    }

    /** A control call bound to its parameters. */
    @FunctionalInterface
    private interface ControlCall {
        void run(SupvisorsControl control, Reply reply);
    }

    private static RpcMethod query(CoreAccess core, String name, String returnType, String help,
                                   Function<SupvisorsApi, Object> query) {
        return new Method(name, returnType, help, List.of(), params -> core.call(s -> query.apply(s.api())));
    }

    private static RpcMethod queryByName(CoreAccess core, String name, String param, String returnType, String help,
                                         BiFunction<SupvisorsApi, String, Object> query) {
        return new Method(name, returnType, help, List.of(RpcParam.required(param, "string")), params -> {
            String value = Params.string(params, 0, param);
            return core.call(s -> query.apply(s.api(), value));
        });
    }

    /** One method of the table. */
    private static final class Method implements RpcMethod {
        private final String name;
        private final String returnType;
        private final String help;
        private final List<RpcParam> params;
        private final Function<List<Object>, CompletionStage<Object>> body;

        Method(String name, String returnType, String help, List<RpcParam> params,
               Function<List<Object>, CompletionStage<Object>> body) {
            this("supvisors." + name, returnType, help, params, body, true);
        }

        private Method(String name, String returnType, String help, List<RpcParam> params,
                       Function<List<Object>, CompletionStage<Object>> body, boolean qualified) {
            this.name = name;
            this.returnType = returnType;
            this.help = help;
            this.params = params;
            this.body = body;
        }

        /** The same method in another namespace (e.g. {@code supervisor.startProcess}). */
        Method inNamespace(String namespace) {
            return new Method(namespace + name.substring(name.indexOf('.')), returnType, help, params, body, true);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<RpcParam> params() {
            return params;
        }

        @Override
        public String returnType() {
            return returnType;
        }

        @Override
        public String help() {
            return help;
        }

        @Override
        public CompletionStage<Object> call(List<Object> params) {
            return body.apply(params);
        }
    }
}
