package org.supvisors.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * The training run of the class archive that {@code bin/supvisorsctl --create-cds-archive} makes at package time:
 * one-shot commands run in this JVM against a {@link PlayedAgent}, so that the classes of a real one-shot command
 * are listed (socket transport, XML parsing, records, tables, JSON, help, an unknown command). Nothing is printed;
 * the exit status is 0.
 */
public final class CdsTraining {

    private static final String PROCESS = "<struct>"
            + PlayedAgent.member("application_name", "<string>web</string>")
            + PlayedAgent.member("process_name", "<string>server</string>")
            + PlayedAgent.member("now_monotonic", "<double>12.5</double>")
            + PlayedAgent.member("statecode", "<int>20</int>")
            + PlayedAgent.member("statename", "<string>RUNNING</string>")
            + PlayedAgent.member("expected_exit", "<boolean>1</boolean>")
            + PlayedAgent.member("last_event_mtime", "<double>10.25</double>")
            + PlayedAgent.member("identifiers",
                    "<array><data><value><string>node:60000</string></value></data></array>")
            + PlayedAgent.member("extra_args", "<string></string>") + "</struct>";

    private static final String SUPERVISOR_PROCESS = "<struct>"
            + PlayedAgent.member("name", "<string>server</string>")
            + PlayedAgent.member("group", "<string>web</string>")
            + PlayedAgent.member("description", "<string>pid 42, uptime 0:01:00</string>")
            + PlayedAgent.member("start", "<int>1</int>") + PlayedAgent.member("stop", "<int>0</int>")
            + PlayedAgent.member("now", "<int>61</int>") + PlayedAgent.member("state", "<int>20</int>")
            + PlayedAgent.member("statename", "<string>RUNNING</string>")
            + PlayedAgent.member("spawnerr", "<string></string>") + PlayedAgent.member("exitstatus", "<int>0</int>")
            + PlayedAgent.member("logfile", "<string>/tmp/x</string>")
            + PlayedAgent.member("stdout_logfile", "<string>/tmp/x</string>")
            + PlayedAgent.member("stderr_logfile", "<string></string>") + PlayedAgent.member("pid", "<int>42</int>")
            + "</struct>";

    /** The answers of the played agent. */
    static final Map<String, String> ANSWERS = Map.of(
            "supvisors.get_api_version", PlayedAgent.value("<string>0.19</string>"),
            "supervisor.getVersion", PlayedAgent.value("<string>3.0</string>"),
            "supvisors.get_all_process_info", PlayedAgent.value("<array><data><value>" + PROCESS
                    + "</value></data></array>"),
            "supvisors.get_process_info", PlayedAgent.value("<array><data><value>" + PROCESS
                    + "</value></data></array>"),
            "supervisor.getAllProcessInfo", PlayedAgent.value("<array><data><value>" + SUPERVISOR_PROCESS
                    + "</value></data></array>"));

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        try (PlayedAgent agent = new PlayedAgent(ANSWERS)) {
            String url = agent.url();
            OutputStream none = OutputStream.nullOutputStream();
            String[][] runs = {
                {"-s", url, "sstatus"}, {"-s", url, "sstatus", "web:server"}, {"-s", url, "status"},
                {"-s", url, "--json", "sstatus"}, {"-s", url, "help"}, {"-s", url, "help", "sstatus"},
                {"-s", url, "sversion"}, {"-s", url, "nonsense"}};
            for (String[] run : runs) {
                Supvisorsctl.run(run, new ByteArrayInputStream(new byte[0]), none, none, Map.of(), null, false);
            }
        }
    }
}
