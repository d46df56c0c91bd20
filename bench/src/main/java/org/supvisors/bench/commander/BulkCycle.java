package org.supvisors.bench.commander;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.supvisors.bench.command.BenchException;
import org.supvisors.bench.workload.AgentConnection;
import org.supvisors.bench.workload.Calls;
import org.supvisors.bench.workload.CpuTimes;
import org.supvisors.bench.workload.XmlRpcAnswer;

/**
 * One cycle on a running cluster: {@code start_application('LESS_LOADED', 'bulk', True)}, then
 * {@code stop_application('bulk', True)}, each timed as the client sees it (request written → answer read, one
 * keep-alive connection) and followed at once by {@code get_process_info('bulk:*')} to check what the answer
 * claimed (all RUNNING, all STOPPED), where the processes went, and how long before the answer their last event
 * was.
 */
final class BulkCycle {

    static final String APPLICATION = "bulk";
    static final String STRATEGY = "LESS_LOADED";
    private static final byte[] START = Calls.startApplication(STRATEGY, APPLICATION);
    private static final byte[] STOP = Calls.stopApplication(APPLICATION);
    private static final byte[] PROCESSES = Calls.processInfo(APPLICATION + ":*");

    /**
     * One timed call and what followed it.
     *
     * @param nanos from the request written to the answer read
     * @param answer "true", or the fault or unexpected value
     * @param reached how many processes were in the wanted state right after the answer
     * @param lastEventToAnswer seconds from the last event of the processes to the answer, on the agent's clock,
     *                          less the time of the check itself; NaN when unknown
     * @param cpu the CPU time used during the call
     */
    record Call(long nanos, String answer, int reached, int total, double lastEventToAnswer, Cpu cpu) {
        boolean succeeded() {
            return answer.equals("true") && reached == total;
        }
    }

    /**
     * CPU seconds used during a call by the three supervisord, by the three agents, and by the whole machine (every
     * process, these included).
     */
    record Cpu(double supervisords, double agents, double machine) {
    }

    /** The processes whose CPU time is counted: the three supervisord and the three agents. */
    record Pids(List<Long> supervisords, List<Long> agents) {
    }

    /**
     * A cycle: the start with where it put the processes (namespecs per nickname, every nickname present), then
     * the stop.
     */
    record Result(int index, Call start, Map<String, List<String>> placement, Call stop) {

        /** How many processes per nickname. */
        Map<String, Integer> spread() {
            Map<String, Integer> spread = new TreeMap<>();
            placement.forEach((nickname, namespecs) -> spread.put(nickname, namespecs.size()));
            return spread;
        }
    }

    private BulkCycle() {
    }

    /** A cycle through {@code agent}; {@code nicknames} maps the identifiers to the nicknames. */
    static Result run(int index, AgentConnection agent, Map<String, String> nicknames, Pids pids)
            throws IOException {
        Timed start = Timed.call(agent, START, pids);
        String startedBody = agent.call(PROCESSES);
        long startChecked = System.nanoTime();
        List<ProcessView> started = ProcessView.of("get_process_info(bulk:*)", startedBody);
        Map<String, List<String>> placement = ProcessView.placement(started, nicknames);
        Timed stop = Timed.call(agent, STOP, pids);
        String stoppedBody = agent.call(PROCESSES);
        long stopChecked = System.nanoTime();
        List<ProcessView> stopped = ProcessView.of("get_process_info(bulk:*)", stoppedBody);
        return new Result(index, start.result(started, "RUNNING", startChecked), placement,
                stop.result(stopped, "STOPPED", stopChecked));
    }

    /** {@code stop_application('bulk', True)} through {@code agent}, untimed; anything but true is thrown. */
    static void stop(AgentConnection agent) throws IOException {
        String result = XmlRpcAnswer.result(agent.call(STOP));
        if (!result.equals("1")) {
            throw new BenchException("stop_application(bulk): " + result + " (expected: true)");
        }
    }

    /** A call timed: its body, the instants around it, and the CPU time used in between. */
    private record Timed(long sent, long answered, String body, Cpu cpu) {

        static Timed call(AgentConnection agent, byte[] request, Pids pids) throws IOException {
            long supervisords = CpuTimes.ofProcesses(pids.supervisords());
            long agents = CpuTimes.ofProcesses(pids.agents());
            long machine = CpuTimes.ofMachine();
            long sent = System.nanoTime();
            String body = agent.call(request);
            long answered = System.nanoTime();
            Cpu cpu = new Cpu(seconds(CpuTimes.ofProcesses(pids.supervisords()) - supervisords),
                    seconds(CpuTimes.ofProcesses(pids.agents()) - agents),
                    machine < 0 ? Double.NaN : seconds(CpuTimes.ofMachine() - machine));
            return new Timed(sent, answered, body, cpu);
        }

        private static double seconds(long ticks) {
            return ticks / CpuTimes.TICKS_PER_SECOND;
        }

        Call result(List<ProcessView> after, String wanted, long checked) {
            String result = XmlRpcAnswer.result(body);
            String answer = result.equals("1") ? "true" : result.equals("0") ? "false" : result;
            double age = ProcessView.lastEventAge(after) - (checked - answered) / 1e9;
            return new Call(answered - sent, answer, ProcessView.count(after, wanted), after.size(), age, cpu);
        }
    }
}
