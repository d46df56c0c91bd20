package org.supvisors.bench.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.supvisors.bench.workload.AgentConnection;
import org.supvisors.bench.workload.Calls;
import org.supvisors.bench.workload.KillInstant;
import org.supvisors.bench.workload.SupervisordInstance;
import org.supvisors.bench.workload.SurvivorLoop;
import org.supvisors.bench.workload.XmlRpcAnswer;

/**
 * A client of a surviving agent during the failure: a read-only query ({@code supvisors.get_all_process_info})
 * every period, counting the answers, the faults and the errors (no answer: connection, timeout, HTTP status).
 */
final class QueryPoller extends SurvivorLoop {

    private static final Pattern FAULT_STRING = Pattern.compile(
            "<name>faultString</name>\\s*<value>\\s*(?:<string>)?([^<]*)");

    private int calls;
    private int faults;
    private int errors;
    private long slowestNanos;
    private final Set<String> failures = new LinkedHashSet<>();

    QueryPoller(SupervisordInstance survivor, Duration period, KillInstant kill) {
        super(survivor, period, kill);
    }

    /** The counts of one poller; {@code failures}: the distinct fault strings and errors, the first few. */
    record Count(String nickname, int calls, int faults, int errors, long slowestNanos, List<String> failures) {
        int failed() {
            return faults + errors;
        }
    }

    synchronized Count count() {
        return new Count(survivor.nickname(), calls, faults, errors, slowestNanos, List.copyOf(failures));
    }

    @Override
    protected void round(AgentConnection agent, long origin) {
        long start = System.nanoTime();
        String failure = null;
        boolean fault = false;
        try {
            String body = agent.call(Calls.ALL_PROCESS_INFO);
            if (XmlRpcAnswer.isFault(body)) {
                fault = true;
                Matcher text = FAULT_STRING.matcher(body);
                failure = "fault " + (text.find() ? text.group(1) : "without faultString");
            }
        } catch (IOException e) {
            failure = "error " + e.getMessage();
        }
        long elapsed = System.nanoTime() - start;
        synchronized (this) {
            calls++;
            slowestNanos = Math.max(slowestNanos, elapsed);
            if (failure != null) {
                if (fault) {
                    faults++;
                } else {
                    errors++;
                }
                if (failures.size() < 5) {
                    failures.add(failure);
                }
            }
        }
    }
}
