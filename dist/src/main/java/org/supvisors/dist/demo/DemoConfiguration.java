package org.supvisors.dist.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded configuration of the demo: three supervisord instances on loopback, {@code supv1} to {@code supv3},
 * each with its agent, sharing one file of sample programs.
 */
final class DemoConfiguration {

    /** The nicknames of the instances. */
    static final List<String> NICKS = List.of("supv1", "supv2", "supv3");
    /** Ports of one instance: supervisord, event interface (+1), agent (+2). */
    static final int PORTS_PER_INSTANCE = 10;

    private DemoConfiguration() {
    }

    /** {@code <supv1>127.0.0.1:p,<supv2>127.0.0.1:p+10,...} */
    static String supvisorsList(int basePort) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < NICKS.size(); i++) {
            items.add("<" + NICKS.get(i) + ">127.0.0.1:" + (basePort + i * PORTS_PER_INSTANCE));
        }
        return String.join(",", items);
    }

    /** The supervisord.conf of the instance {@code index}, in its own directory. */
    static String instance(Path home, Path directory, Path programs, Path rules, int basePort, int index) {
        return instance(home, directory, programs, rules, basePort, index, "");
    }

    /**
     * The same, the agent started with {@code agentJavaOptions} (its launcher's {@code SUPVISORSD_JAVA_OPTS}) when
     * not empty.
     */
    static String instance(Path home, Path directory, Path programs, Path rules, int basePort, int index,
                           String agentJavaOptions) {
        int port = basePort + index * PORTS_PER_INSTANCE;
        String nick = NICKS.get(index);
        return String.join("\n",
                "; written by supvisors-demo",
                "[supervisord]",
                "logfile = " + directory.resolve("supervisord.log"),
                "pidfile = " + directory.resolve("supervisord.pid"),
                "childlogdir = " + directory,
                "identifier = " + nick,
                "",
                "[inet_http_server]",
                "port = 127.0.0.1:" + port,
                "",
                "[rpcinterface:supervisor]",
                "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
                "",
                "[supervisorctl]",
                "serverurl = http://127.0.0.1:" + port,
                "",
                "[supvisors]",
                "supvisors_list = " + supvisorsList(basePort),
                "software_name = Supvisors demo",
                "disabilities_file = " + directory.resolve("disabilities.json"),
                "rules_files = " + rules,
                "synchro_options = STRICT,TIMEOUT",
                "synchro_timeout = 20",
                "",
                "[eventlistener:supvisors]",
                "command = " + home.resolve("bin/supvisorsd"),
                "events = PROCESS_STATE,TICK_5,PROCESS_GROUP,SUPERVISOR_STATE_CHANGE",
                "buffer_size = 8192",
                "autorestart = true",
                "stderr_logfile = " + directory.resolve("supvisorsd.log"),
                agentJavaOptions.isEmpty() ? "" : "environment = SUPVISORSD_JAVA_OPTS=\"" + agentJavaOptions + "\"",
                "",
                "[include]",
                "files = " + programs,
                "");
    }

    /**
     * The rules of the sample applications: started automatically in sequence (database, then web, then the
     * one-shot backup), the API processes spread one per instance, failed processes restarted elsewhere.
     */
    static String rules() {
        return String.join("\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<!-- rules of the Supvisors demo: see the rules files section of docs/user-guide.md -->",
                "<root>",
                "    <alias name=\"front_instances\">supv2,supv3</alias>",
                "    <application name=\"database\">",
                "        <start_sequence>1</start_sequence>",
                "        <stop_sequence>3</stop_sequence>",
                "        <programs>",
                "            <program name=\"database\">",
                "                <identifiers>supv1,supv2</identifiers>",
                "                <start_sequence>1</start_sequence>",
                "                <required>true</required>",
                "                <expected_loading>20</expected_loading>",
                "                <running_failure_strategy>RESTART_PROCESS</running_failure_strategy>",
                "            </program>",
                "        </programs>",
                "    </application>",
                "    <application name=\"web\">",
                "        <start_sequence>2</start_sequence>",
                "        <stop_sequence>1</stop_sequence>",
                "        <starting_strategy>LESS_LOADED</starting_strategy>",
                "        <operational_status>all('api_.*') and 'frontend'</operational_status>",
                "        <programs>",
                "            <program pattern=\"api_\">",
                "                <identifiers>#,front_instances</identifiers>",
                "                <start_sequence>1</start_sequence>",
                "                <expected_loading>10</expected_loading>",
                "            </program>",
                "            <program name=\"frontend\">",
                "                <start_sequence>2</start_sequence>",
                "                <expected_loading>5</expected_loading>",
                "                <running_failure_strategy>RESTART_PROCESS</running_failure_strategy>",
                "            </program>",
                "        </programs>",
                "    </application>",
                "    <application name=\"backup\">",
                "        <start_sequence>3</start_sequence>",
                "        <stop_sequence>2</stop_sequence>",
                "        <programs>",
                "            <program name=\"backup\">",
                "                <identifiers>supv3</identifiers>",
                "                <start_sequence>1</start_sequence>",
                "                <wait_exit>true</wait_exit>",
                "            </program>",
                "        </programs>",
                "    </application>",
                "</root>",
                "");
    }

    /** The sample programs, the same on every instance. */
    static String programs() {
        return String.join("\n",
                "; sample applications of the demo",
                "[group:web]",
                "programs = frontend,api",
                "",
                "[program:frontend]",
                "command = /bin/sh -c \"while true; do date; sleep 2; done\"",
                "autostart = false",
                "",
                "[program:api]",
                "command = /bin/sleep 3600",
                "process_name = %(program_name)s_%(process_num)02d",
                "numprocs = 2",
                "autostart = false",
                "",
                "[program:database]",
                "command = /bin/sleep 3600",
                "autostart = false",
                "",
                "[program:backup]",
                "command = /bin/sh -c \"echo backup done; sleep 1\"",
                "startsecs = 0",
                "autostart = false",
                "autorestart = false",
                "");
    }
}
