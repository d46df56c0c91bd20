package org.supvisors.dist.testing;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.supvisors.core.testing.Await;
import org.supvisors.transport.supervisord.XmlRpcHardening;
import org.supvisors.transport.testing.TestingSupervisord;

/**
 * A real supervisord with the agent of the built distribution ({@code dist/target/supvisors/bin/supvisorsd}) as its
 * {@code [eventlistener:supvisors]}, and XML-RPC clients to both.
 */
public final class TestingAgent implements AutoCloseable {

    /** The distribution under test, built by {@code mvn package} before the integration tests. */
    public static final Path HOME = Paths.get(Objects.requireNonNullElse(System.getProperty("supvisors.home"),
            "target/supvisors")).toAbsolutePath();

    private final TestingSupervisord supervisord;
    private final String username;
    private final String password;

    private TestingAgent(TestingSupervisord supervisord, String username, String password) {
        this.supervisord = supervisord;
        this.username = username;
        this.password = password;
    }

    /** A builder of a supervisord whose configuration already holds the agent's section. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public TestingAgent start() {
        supervisord.start();
        return this;
    }

    public TestingSupervisord supervisord() {
        return supervisord;
    }

    public int agentPort() {
        return supervisord.httpPort() + 2;
    }

    public String agentUrl() {
        return "http://127.0.0.1:" + agentPort();
    }

    /** The identifier of this instance in Supvisors ({@code 127.0.0.1:<http port>}). */
    public String identifier() {
        return "127.0.0.1:" + supervisord.httpPort();
    }

    /** Calls the agent. */
    public Object call(String method, Object... params) throws XmlRpcException {
        return client(agentUrl(), username, password).execute(method, params);
    }

    /** Calls supervisord directly. */
    public Object supervisor(String method, Object... params) throws XmlRpcException {
        return client(supervisord.url(), username, password).execute(method, params);
    }

    /** Calls the agent and returns a struct. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> struct(String method, Object... params) throws XmlRpcException {
        return (Map<String, Object>) call(method, params);
    }

    /** Calls the agent and returns an array of structs. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> structs(String method, Object... params) throws XmlRpcException {
        return Arrays.stream((Object[]) call(method, params)).map(o -> (Map<String, Object>) o)
                .collect(java.util.stream.Collectors.toList());
    }

    /** The FSM state the agent answers now. */
    public String fsmState() throws XmlRpcException {
        return (String) struct("supvisors.get_supvisors_state").get("fsm_statename");
    }

    /** Waits until the agent answers OPERATION. */
    public TestingAgent awaitOperation(Duration timeout) {
        Await.until(timeout, () -> {
            if (!"OPERATION".equals(fsmState())) {
                throw new AssertionError("not in OPERATION: " + fsmState());
            }
        });
        return this;
    }

    /** The synthetic state name of a process, as the agent answers it. */
    public String processState(String namespec) throws XmlRpcException {
        return (String) structs("supvisors.get_process_info", namespec).get(0).get("statename");
    }

    /** The pid of the agent, from supervisord. */
    public int agentPid() throws XmlRpcException {
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) supervisor("supervisor.getProcessInfo", "supvisors");
        return (Integer) info.get("pid");
    }

    /** The agent process, if supervisord runs one now. */
    public Optional<ProcessHandle> agentProcess() {
        try {
            int pid = agentPid();
            return pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        } catch (XmlRpcException e) {
            throw new IllegalStateException("cannot read the agent's pid from supervisord: " + e.getMessage(), e);
        }
    }

    /** The agent's log (its standard error, captured by supervisord). */
    public String agentLog() {
        return supervisord.read("supvisorsd.log");
    }

    /** A position in the agent's log, to read what follows it with {@link #logLines(int, String...)}. */
    public int logMark() {
        return agentLog().length();
    }

    /** The lines of the agent's log after {@code mark} that contain every fragment, in order. */
    public List<String> logLines(int mark, String... fragments) {
        String log = agentLog();
        return Arrays.stream(log.substring(Math.min(mark, log.length())).split("\n"))
                .filter(line -> Arrays.stream(fragments).allMatch(line::contains))
                .collect(java.util.stream.Collectors.toList());
    }

    public Path directory() {
        return supervisord.directory();
    }

    @Override
    public void close() {
        supervisord.close();
    }

    /** An XML-RPC client (Apache, extensions off, hardened parser) to a URL. */
    public static XmlRpcClient client(String url, String username, String password) {
        XmlRpcHardening.install();
        try {
            XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
            config.setServerURL(new URL(url + "/RPC2"));
            config.setEnabledForExtensions(false);
            config.setConnectionTimeout(2000);
            config.setReplyTimeout(30000);
            if (username != null) {
                config.setBasicUserName(username);
                config.setBasicPassword(password);
            }
            XmlRpcClient client = new XmlRpcClient();
            client.setConfig(config);
            return client;
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(url, e);
        }
    }

    /** The configuration of the supervisord and its agent. */
    public static final class Builder {
        private final TestingSupervisord.Builder supervisord;
        private final StringBuilder supvisors = new StringBuilder();
        private String supvisorsList = "<%(nick)s>127.0.0.1:%(http_port)s";
        private String username;
        private String password;
        private String nick;
        private boolean agentSection = true;

        private Builder(String name) {
            this.supervisord = TestingSupervisord.builder(name);
            this.nick = name;
        }

        /** An option of the {@code [supvisors]} section, e.g. {@code option("synchro_timeout", "20")}. */
        public Builder option(String name, String value) {
            supvisors.append(name).append(" = ").append(value).append('\n');
            return this;
        }

        /** Replaces the default {@code supvisors_list} (this instance alone); {@code null} leaves it out. */
        public Builder supvisorsList(String list) {
            this.supvisorsList = list;
            return this;
        }

        public Builder program(String name, String command, String... options) {
            supervisord.program(name, command, options);
            return this;
        }

        public Builder section(String text) {
            supervisord.section(text);
            return this;
        }

        public Builder credentials(String username, String password) {
            this.username = username;
            this.password = password;
            supervisord.credentials(username, password);
            return this;
        }

        /** A fixed supervisord HTTP port (the agent port is 2 above). */
        public Builder httpPort(int port) {
            supervisord.httpPort(port);
            return this;
        }

        /**
         * supervisord, hence the agent, listens on every interface: needed when other instances reach this one by
         * a name that may resolve to another address than 127.0.0.1 (discovery mode names an instance after its
         * host).
         */
        public Builder listenOnAllInterfaces() {
            supervisord.listenHost("*");
            return this;
        }

        /** Leaves the agent out (to test supervisord alone, or to add a custom agent section). */
        public Builder withoutAgentSection() {
            this.agentSection = false;
            return this;
        }

        public TestingAgent build() {
            if (!Files.isExecutable(HOME.resolve("bin/supvisorsd"))) {
                throw new IllegalStateException(HOME.resolve("bin/supvisorsd") + " missing: run mvn package first");
            }
            StringBuilder section = new StringBuilder("[supvisors]\n");
            if (supvisorsList != null) {
                section.append("supvisors_list = ").append(supvisorsList.replace("%(nick)s", nick)).append('\n');
            }
            section.append(supvisors);
            supervisord.section(section.toString());
            if (agentSection) {
                supervisord.section(agentSection());
            }
            return new TestingAgent(supervisord.identifier(nick).build(), username, password);
        }

        /** The documented {@code [eventlistener:supvisors]} section. */
        public static String agentSection() {
            return "[eventlistener:supvisors]\n"
                    + "command = " + HOME.resolve("bin/supvisorsd") + "\n"
                    + "events = PROCESS_STATE,TICK_5,PROCESS_GROUP,SUPERVISOR_STATE_CHANGE\n"
                    + "buffer_size = 8192\n"
                    + "autorestart = true\n"
                    + "startretries = 3\n"
                    + "stderr_logfile = %(test_dir)s/supvisorsd.log\n";
        }
    }
}
