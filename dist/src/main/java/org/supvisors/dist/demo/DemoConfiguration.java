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
    static String instance(Path home, Path directory, Path programs, int basePort, int index) {
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
                "synchro_options = STRICT,TIMEOUT",
                "synchro_timeout = 20",
                "",
                "[eventlistener:supvisors]",
                "command = " + home.resolve("bin/supvisorsd"),
                "events = PROCESS_STATE,TICK_5,PROCESS_GROUP,SUPERVISOR_STATE_CHANGE",
                "buffer_size = 8192",
                "autorestart = true",
                "stderr_logfile = " + directory.resolve("supvisorsd.log"),
                "",
                "[include]",
                "files = " + programs,
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
