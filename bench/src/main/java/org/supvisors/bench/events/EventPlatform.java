package org.supvisors.bench.events;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.supvisors.core.testing.Await;
import org.supvisors.transport.testing.FreePorts;
import org.supvisors.transport.testing.TestingSupervisord;

/**
 * Two instances on loopback (A and B), each a supervisord with the agent of the distribution as
 * {@code [eventlistener:supvisors]}, {@code event_link} as asked, the default {@code event_port} (HTTP port + 1);
 * programs: {@code lat} (the latency probe) and the group {@code burst} of {@value #BURST} programs (the load).
 */
final class EventPlatform implements AutoCloseable {

    static final int BURST = 50;
    static final List<String> NICKS = List.of("A", "B");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final List<TestingSupervisord> instances = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    EventPlatform(Path distribution, String link) {
        for (int i = 0; i < NICKS.size(); i++) {
            int port;
            do {
                port = FreePorts.block(3);
            } while (ports.contains(port) || ports.contains(port - 1) || ports.contains(port + 1)
                    || ports.contains(port - 2) || ports.contains(port + 2));
            ports.add(port);
        }
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < NICKS.size(); i++) {
            list.append(i == 0 ? "" : ",").append('<').append(NICKS.get(i)).append(">127.0.0.1:").append(ports.get(i));
        }
        for (int i = 0; i < NICKS.size(); i++) {
            TestingSupervisord.Builder builder = TestingSupervisord.builder("events-bench-" + NICKS.get(i))
                    .httpPort(ports.get(i)).identifier(NICKS.get(i)).logLevel("warn")
                    .section("[supvisors]\nsupvisors_list = " + list + "\nevent_link = " + link
                            + "\nsynchro_options = STRICT\n")
                    .section("[eventlistener:supvisors]\ncommand = " + distribution.resolve("bin/supvisorsd")
                            + "\nevents = PROCESS_STATE,TICK_5,PROCESS_GROUP,SUPERVISOR_STATE_CHANGE\n"
                            + "buffer_size = 8192\nautorestart = true\nstderr_logfile = %(test_dir)s/supvisorsd.log\n")
                    .program("lat", "/bin/sleep 1000", "startsecs = 0");
            StringBuilder group = new StringBuilder("[group:burst]\nprograms = ");
            for (int p = 0; p < BURST; p++) {
                builder.program(String.format("b%02d", p), "/bin/sleep 1000", "startsecs = 0");
                group.append(p == 0 ? "" : ",").append(String.format("b%02d", p));
            }
            instances.add(builder.section(group + "\n").build());
        }
    }

    EventPlatform start() {
        instances.forEach(TestingSupervisord::start);
        Await.until(READY_TIMEOUT, () -> {
            for (TestingSupervisord instance : instances) {
                String state = XmlRpcPost.call(instance.httpPort() + 2, "supvisors.get_supvisors_state", "");
                if (!state.contains("<string>OPERATION</string>")) {
                    throw new AssertionError("not in OPERATION yet");
                }
            }
        });
        return this;
    }

    String identifier(int index) {
        return "127.0.0.1:" + ports.get(index);
    }

    int httpPort(int index) {
        return ports.get(index);
    }

    int eventPort(int index) {
        return ports.get(index) + 1;
    }

    /** The pid of the agent of an instance. */
    long agentPid(int index) {
        String info = XmlRpcPost.call(httpPort(index), "supervisor.getProcessInfo",
                "<param><value><string>supvisors</string></value></param>");
        java.util.regex.Matcher pid = java.util.regex.Pattern
                .compile("<name>pid</name>\\s*<value>\\s*<(?:int|i4)>(\\d+)<").matcher(info);
        if (!pid.find()) {
            throw new IllegalStateException("no pid in " + info);
        }
        return Long.parseLong(pid.group(1));
    }

    String agentLog(int index) {
        return instances.get(index).read("supvisorsd.log");
    }

    @Override
    public void close() {
        instances.forEach(TestingSupervisord::close);
    }
}
