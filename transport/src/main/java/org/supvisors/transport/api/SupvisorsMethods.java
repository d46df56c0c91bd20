package org.supvisors.transport.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import org.supvisors.core.api.SupvisorsApi;
import org.supvisors.core.config.LogLevel;
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
            this.name = "supvisors." + name;
            this.returnType = returnType;
            this.help = help;
            this.params = params;
            this.body = body;
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
