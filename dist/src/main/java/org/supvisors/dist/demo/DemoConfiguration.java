package org.supvisors.dist.demo;

import java.nio.file.Path;

/** The embedded configuration of the demo. */
final class DemoConfiguration {

    private DemoConfiguration() {
    }

    static String text(Path home, Path directory, int port) {
        return String.join("\n",
                "; written by supvisors-demo",
                "[supervisord]",
                "logfile = " + directory.resolve("supervisord.log"),
                "pidfile = " + directory.resolve("supervisord.pid"),
                "childlogdir = " + directory,
                "identifier = demo1",
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
                "supvisors_list = <demo1>127.0.0.1:" + port,
                "software_name = Supvisors demo",
                "",
                "[eventlistener:supvisors]",
                "command = " + home.resolve("bin/supvisorsd"),
                "events = PROCESS_STATE,TICK_5,PROCESS_GROUP,SUPERVISOR_STATE_CHANGE",
                "buffer_size = 8192",
                "autorestart = true",
                "stderr_logfile = " + directory.resolve("supvisorsd.log"),
                "",
                "[group:demo]",
                "programs = clock,worker",
                "",
                "[program:clock]",
                "command = /bin/sh -c \"while true; do date; sleep 2; done\"",
                "",
                "[program:worker]",
                "command = /bin/sleep 3600",
                "process_name = %(program_name)s_%(process_num)02d",
                "numprocs = 3",
                "",
                "[program:flaky]",
                "command = /bin/sh -c \"sleep 4; exit 3\"",
                "autorestart = false",
                "",
                "[program:oneshot]",
                "command = /bin/sh -c \"echo prepared\"",
                "startsecs = 0",
                "autorestart = false",
                "");
    }
}
