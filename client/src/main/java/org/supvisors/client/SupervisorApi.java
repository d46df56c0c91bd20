package org.supvisors.client;

import java.util.List;

import org.supvisors.client.model.ConfigChanges;
import org.supvisors.client.model.LogTail;
import org.supvisors.client.model.ProcessConfigInfo;
import org.supvisors.client.model.ProcessResult;
import org.supvisors.client.model.SupervisorProcessInfo;
import org.supvisors.client.model.SupervisorState;

/**
 * The {@code supervisor.*} namespace of the supervisord behind the agent (the agent forwards it with its own
 * credentials): Supervisor 4's methods, one Java method each, under their XML-RPC names. Get it from
 * {@link SupvisorsClient#supervisor()}.
 *
 * <p>Faults are Supervisor's ({@code BAD_NAME}, {@code ALREADY_STARTED}, {@code NOT_RUNNING}...), plus
 * {@code DISABLED} (103) from {@code startProcess} when the program is disabled in Supvisors. The methods with a
 * {@code wait} parameter are bounded by the client's wait timeout when it is {@code true}, like
 * {@link SupvisorsApi}'s. Deprecated aliases ({@code getVersion}, {@code readMainLog}, {@code readProcessLog},
 * {@code tailProcessLog}) are left out; {@link SupvisorsClient#call} reaches them.
 *
 * <p>Caution: {@code stopAllProcesses} stops the agent too (it is one of supervisord's processes).
 *
 * <p>Implementations are thread-safe.
 */
public interface SupervisorApi {

    /** {@code getAPIVersion}: the version of Supervisor's API ({@code "3.0"}). */
    String getAPIVersion() throws XmlRpcFault, CommunicationException;

    /** {@code getSupervisorVersion}: the version of supervisord ({@code "4.2.5"}). */
    String getSupervisorVersion() throws XmlRpcFault, CommunicationException;

    /** {@code getIdentification}: supervisord's {@code identifier} option. */
    String getIdentification() throws XmlRpcFault, CommunicationException;

    /** {@code getState}: the state of supervisord. */
    SupervisorState getState() throws XmlRpcFault, CommunicationException;

    /** {@code getPID}: the pid of supervisord. */
    int getPID() throws XmlRpcFault, CommunicationException;

    /** {@code readLog}: {@code length} bytes of supervisord's log from {@code offset} (negative: from the end). */
    String readLog(int offset, int length) throws XmlRpcFault, CommunicationException;

    /** {@code clearLog}: empties supervisord's log. */
    boolean clearLog() throws XmlRpcFault, CommunicationException;

    /** {@code shutdown}: shuts supervisord down (the agent with it). */
    boolean shutdown() throws XmlRpcFault, CommunicationException;

    /** {@code restart}: restarts supervisord (the agent with it). */
    boolean restart() throws XmlRpcFault, CommunicationException;

    /** {@code reloadConfig}: re-reads the configuration and says which groups changed (applies nothing). */
    ConfigChanges reloadConfig() throws XmlRpcFault, CommunicationException;

    /** {@code addProcessGroup}: activates a group added to the configuration. */
    boolean addProcessGroup(String name) throws XmlRpcFault, CommunicationException;

    /** {@code removeProcessGroup}: removes a stopped group. */
    boolean removeProcessGroup(String name) throws XmlRpcFault, CommunicationException;

    /** {@code getAllProcessInfo}: every process. */
    List<SupervisorProcessInfo> getAllProcessInfo() throws XmlRpcFault, CommunicationException;

    /** {@code getProcessInfo}: one process ({@code group:name} or {@code name}). */
    SupervisorProcessInfo getProcessInfo(String name) throws XmlRpcFault, CommunicationException;

    /** {@code getAllConfigInfo}: the configuration of every process. */
    List<ProcessConfigInfo> getAllConfigInfo() throws XmlRpcFault, CommunicationException;

    /** {@code startProcess}: starts one process; with {@code wait}, returns once it is RUNNING. */
    boolean startProcess(String name, boolean wait) throws XmlRpcFault, CommunicationException;

    /** {@code startProcess} and wait. */
    default boolean startProcess(String name) throws XmlRpcFault, CommunicationException {
        return startProcess(name, true);
    }

    /** {@code startProcessGroup}: starts every process of a group. */
    List<ProcessResult> startProcessGroup(String name, boolean wait) throws XmlRpcFault, CommunicationException;

    /** {@code startAllProcesses}: starts every process. */
    List<ProcessResult> startAllProcesses(boolean wait) throws XmlRpcFault, CommunicationException;

    /** {@code stopProcess}: stops one process; with {@code wait}, returns once it is stopped. */
    boolean stopProcess(String name, boolean wait) throws XmlRpcFault, CommunicationException;

    /** {@code stopProcess} and wait. */
    default boolean stopProcess(String name) throws XmlRpcFault, CommunicationException {
        return stopProcess(name, true);
    }

    /** {@code stopProcessGroup}: stops every process of a group. */
    List<ProcessResult> stopProcessGroup(String name, boolean wait) throws XmlRpcFault, CommunicationException;

    /** {@code stopAllProcesses}: stops every process, <b>the agent included</b>. */
    List<ProcessResult> stopAllProcesses(boolean wait) throws XmlRpcFault, CommunicationException;

    /** {@code signalProcess}: sends a signal ({@code HUP}, {@code 1}...) to one process. */
    boolean signalProcess(String name, String signal) throws XmlRpcFault, CommunicationException;

    /** {@code signalProcessGroup}: sends a signal to every process of a group. */
    List<ProcessResult> signalProcessGroup(String name, String signal) throws XmlRpcFault, CommunicationException;

    /** {@code signalAllProcesses}: sends a signal to every process. */
    List<ProcessResult> signalAllProcesses(String signal) throws XmlRpcFault, CommunicationException;

    /** {@code sendProcessStdin}: writes {@code chars} to the standard input of a process. */
    boolean sendProcessStdin(String name, String chars) throws XmlRpcFault, CommunicationException;

    /** {@code sendRemoteCommEvent}: emits a {@code REMOTE_COMMUNICATION} event. */
    boolean sendRemoteCommEvent(String type, String data) throws XmlRpcFault, CommunicationException;

    /** {@code readProcessStdoutLog}: {@code length} bytes of a process's stdout log from {@code offset}. */
    String readProcessStdoutLog(String name, int offset, int length) throws XmlRpcFault, CommunicationException;

    /** {@code readProcessStderrLog}: {@code length} bytes of a process's stderr log from {@code offset}. */
    String readProcessStderrLog(String name, int offset, int length) throws XmlRpcFault, CommunicationException;

    /** {@code tailProcessStdoutLog}: the end of a process's stdout log, and where to read next. */
    LogTail tailProcessStdoutLog(String name, int offset, int length) throws XmlRpcFault, CommunicationException;

    /** {@code tailProcessStderrLog}: the end of a process's stderr log, and where to read next. */
    LogTail tailProcessStderrLog(String name, int offset, int length) throws XmlRpcFault, CommunicationException;

    /** {@code clearProcessLogs}: empties the logs of one process. */
    boolean clearProcessLogs(String name) throws XmlRpcFault, CommunicationException;

    /** {@code clearAllProcessLogs}: empties the logs of every process. */
    List<ProcessResult> clearAllProcessLogs() throws XmlRpcFault, CommunicationException;
}
