package org.supvisors.cli;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;

import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.apache.xmlrpc.client.XmlRpcLiteHttpTransportFactory;
import org.apache.xmlrpc.util.SAXParsers;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code supvisorsctl}: the command-line client. This first version has the status commands {@code sversion},
 * {@code sstate} and {@code sstatus}; the others come with the CLI issue.
 */
@Command(name = "supvisorsctl", mixinStandardHelpOptions = true, version = "supvisorsctl 0.19 (Supvisors for the JVM)",
        description = "Control Supvisors (and supervisord) through a supvisorsd agent.",
        subcommands = {Supvisorsctl.Sversion.class, Supvisorsctl.Sstate.class, Supvisorsctl.Sstatus.class})
public final class Supvisorsctl implements Callable<Integer> {

    @Option(names = {"-s", "--serverurl"}, description = "URL of the agent (default: ${DEFAULT-VALUE}).",
            defaultValue = "http://localhost:60002")
    String serverUrl;

    @Option(names = {"-u", "--username"}, description = "User name for authentication.")
    String username;

    @Option(names = {"-p", "--password"}, description = "Password for authentication.")
    String password;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Supvisorsctl()).execute(args));
    }

    Object call(String method, Object... params) throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        SAXParsers.setSAXParserFactory(factory);
        XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
        config.setServerURL(new URL(serverUrl.replaceAll("/+$", "") + "/RPC2"));
        config.setEnabledForExtensions(false);
        config.setConnectionTimeout(5000);
        config.setReplyTimeout(60000);
        if (username != null) {
            config.setBasicUserName(username);
            config.setBasicPassword(password);
        }
        XmlRpcClient client = new XmlRpcClient();
        client.setTransportFactory(new XmlRpcLiteHttpTransportFactory(client));
        client.setConfig(config);
        return client.execute(method, params);
    }

    /** Runs a call and maps failures to supervisorctl's messages and exit statuses. */
    int run(PrintWriter out, PrintWriter err, Callable<Integer> body) {
        try {
            return body.call();
        } catch (XmlRpcException e) {
            if (e.getCause() instanceof ConnectException) {
                err.println("ERROR: " + serverUrl + " refused connection");
                return 4;
            }
            if (e.code == 0 && e.getMessage() != null && e.getMessage().contains("401")) {
                err.println("ERROR: " + serverUrl + " refused the credentials (401 Unauthorized)");
                return 4;
            }
            err.println("ERROR (" + e.getMessage() + ")");
            return 1;
        } catch (MalformedURLException e) {
            err.println("ERROR: invalid server URL " + serverUrl + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("ERROR: " + e.getMessage());
            return 1;
        }
    }

    @Command(name = "sversion", description = "Print the API version of the agent.")
    static final class Sversion implements Callable<Integer> {
        @CommandLine.ParentCommand
        Supvisorsctl parent;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return parent.run(out, spec.commandLine().getErr(), () -> {
                out.println(parent.call("supvisors.get_api_version"));
                return 0;
            });
        }
    }

    @Command(name = "sstate", description = "Print the state and modes of Supvisors.")
    static final class Sstate implements Callable<Integer> {
        @CommandLine.ParentCommand
        Supvisorsctl parent;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return parent.run(out, spec.commandLine().getErr(), () -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> state = (Map<String, Object>) parent.call("supvisors.get_supvisors_state");
                Table table = new Table(List.of("Nickname", "Supvisors identifier", "State", "Degraded",
                        "Discovery", "Master", "Starting", "Stopping"),
                        new int[] {0, 0, 16, 10, 11, 0, 0, 0});
                table.add(List.of(str(state.get("nick_identifier")), str(state.get("identifier")),
                        str(state.get("fsm_statename")), str(state.get("degraded_mode")),
                        str(state.get("discovery_mode")), str(state.get("master_identifier")),
                        str(state.get("starting_jobs")), str(state.get("stopping_jobs"))));
                table.print(out);
                return 0;
            });
        }
    }

    @Command(name = "sstatus", description = "Print the synthetic status of processes (all, or the namespecs given;"
            + " group:* for all processes of a group).")
    static final class Sstatus implements Callable<Integer> {
        @CommandLine.ParentCommand
        Supvisorsctl parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(arity = "0..*", paramLabel = "namespec")
        List<String> namespecs = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return parent.run(out, err, () -> {
                List<Object> infos = new ArrayList<>();
                int status = 0;
                if (namespecs.isEmpty() || namespecs.contains("all")) {
                    infos.addAll(List.of((Object[]) parent.call("supvisors.get_all_process_info")));
                } else {
                    for (String namespec : namespecs) {
                        try {
                            infos.addAll(List.of((Object[]) parent.call("supvisors.get_process_info", namespec)));
                        } catch (XmlRpcException e) {
                            if (e.code == 0) {
                                throw e;
                            }
                            err.println(namespec + ": ERROR (" + e.getMessage() + ")");
                            status = 1;
                        }
                    }
                }
                Table table = new Table(List.of("Application", "Process", "State", "Expected", "Supervisor"),
                        new int[] {0, 0, 12, 10, -1});
                for (Object item : infos) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> info = (Map<String, Object>) item;
                    String state = str(info.get("statename"));
                    table.add(List.of(str(info.get("application_name")), str(info.get("process_name")), state,
                            "EXITED".equals(state) ? str(info.get("expected_exit")) : "n/a",
                            str(info.get("identifiers"))));
                }
                if (!infos.isEmpty()) {
                    table.print(out);
                }
                return status;
            });
        }
    }

    /** Python's {@code str()} of an XML-RPC value. */
    static String str(Object value) {
        if (value instanceof Boolean) {
            return ((Boolean) value) ? "True" : "False";
        }
        if (value instanceof Object[]) {
            List<String> items = new ArrayList<>();
            for (Object item : (Object[]) value) {
                items.add(item instanceof String ? "'" + item + "'" : str(item));
            }
            return "[" + String.join(", ", items) + "]";
        }
        return String.valueOf(value);
    }
}
