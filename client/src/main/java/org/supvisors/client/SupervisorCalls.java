package org.supvisors.client;

import java.util.List;
import java.util.Map;

import org.supvisors.client.model.ConfigChanges;
import org.supvisors.client.model.LogTail;
import org.supvisors.client.model.ProcessConfigInfo;
import org.supvisors.client.model.ProcessResult;
import org.supvisors.client.model.SupervisorProcessInfo;
import org.supvisors.client.model.SupervisorState;

/** {@link SupervisorApi} over XML-RPC. */
final class SupervisorCalls implements SupervisorApi {

    private final Invoker rpc;

    SupervisorCalls(Invoker rpc) {
        this.rpc = rpc;
    }

    @Override
    public String getAPIVersion() throws XmlRpcFault, CommunicationException {
        return rpc.string("supervisor.getAPIVersion");
    }

    @Override
    public String getSupervisorVersion() throws XmlRpcFault, CommunicationException {
        return rpc.string("supervisor.getSupervisorVersion");
    }

    @Override
    public String getIdentification() throws XmlRpcFault, CommunicationException {
        return rpc.string("supervisor.getIdentification");
    }

    @Override
    public SupervisorState getState() throws XmlRpcFault, CommunicationException {
        String method = "supervisor.getState";
        Map<String, ?> state = rpc.map(method, rpc.answer(false, method));
        return rpc.decode(method, state.get("statecode"), code -> {
            if (!(code instanceof Integer number)) {
                throw new IllegalArgumentException("statecode: " + code + " (expected: int)");
            }
            return SupervisorState.fromCode(number);
        });
    }

    @Override
    public int getPID() throws XmlRpcFault, CommunicationException {
        return rpc.integer("supervisor.getPID");
    }

    @Override
    public String readLog(int offset, int length) throws XmlRpcFault, CommunicationException {
        return rpc.string("supervisor.readLog", offset, length);
    }

    @Override
    public boolean clearLog() throws XmlRpcFault, CommunicationException {
        return rpc.bool("supervisor.clearLog");
    }

    @Override
    public boolean shutdown() throws XmlRpcFault, CommunicationException {
        return rpc.bool("supervisor.shutdown");
    }

    @Override
    public boolean restart() throws XmlRpcFault, CommunicationException {
        return rpc.bool("supervisor.restart");
    }

    @Override
    public ConfigChanges reloadConfig() throws XmlRpcFault, CommunicationException {
        return rpc.value(ConfigChanges::fromValue, "supervisor.reloadConfig");
    }

    @Override
    public boolean addProcessGroup(String name) throws XmlRpcFault, CommunicationException {
        return rpc.bool("supervisor.addProcessGroup", name);
    }

    @Override
    public boolean removeProcessGroup(String name) throws XmlRpcFault, CommunicationException {
        return rpc.bool("supervisor.removeProcessGroup", name);
    }

    @Override
    public List<SupervisorProcessInfo> getAllProcessInfo() throws XmlRpcFault, CommunicationException {
        return rpc.structs(SupervisorProcessInfo::fromMap, "supervisor.getAllProcessInfo");
    }

    @Override
    public SupervisorProcessInfo getProcessInfo(String name) throws XmlRpcFault, CommunicationException {
        return rpc.struct(SupervisorProcessInfo::fromMap, "supervisor.getProcessInfo", name);
    }

    @Override
    public List<ProcessConfigInfo> getAllConfigInfo() throws XmlRpcFault, CommunicationException {
        return rpc.structs(ProcessConfigInfo::fromMap, "supervisor.getAllConfigInfo");
    }

    @Override
    public boolean startProcess(String name, boolean wait) throws XmlRpcFault, CommunicationException {
        return rpc.waitingBool(wait, "supervisor.startProcess", name, wait);
    }

    @Override
    public List<ProcessResult> startProcessGroup(String name, boolean wait) throws XmlRpcFault, CommunicationException {
        return rpc.waitingStructs(wait, ProcessResult::fromMap, "supervisor.startProcessGroup", name, wait);
    }

    @Override
    public List<ProcessResult> startAllProcesses(boolean wait) throws XmlRpcFault, CommunicationException {
        return rpc.waitingStructs(wait, ProcessResult::fromMap, "supervisor.startAllProcesses", wait);
    }

    @Override
    public boolean stopProcess(String name, boolean wait) throws XmlRpcFault, CommunicationException {
        return rpc.waitingBool(wait, "supervisor.stopProcess", name, wait);
    }

    @Override
    public List<ProcessResult> stopProcessGroup(String name, boolean wait) throws XmlRpcFault, CommunicationException {
        return rpc.waitingStructs(wait, ProcessResult::fromMap, "supervisor.stopProcessGroup", name, wait);
    }

    @Override
    public List<ProcessResult> stopAllProcesses(boolean wait) throws XmlRpcFault, CommunicationException {
        return rpc.waitingStructs(wait, ProcessResult::fromMap, "supervisor.stopAllProcesses", wait);
    }

    @Override
    public boolean signalProcess(String name, String signal) throws XmlRpcFault, CommunicationException {
        return rpc.bool("supervisor.signalProcess", name, signal);
    }

    @Override
    public List<ProcessResult> signalProcessGroup(String name, String signal)
            throws XmlRpcFault, CommunicationException {
        return rpc.structs(ProcessResult::fromMap, "supervisor.signalProcessGroup", name, signal);
    }

    @Override
    public List<ProcessResult> signalAllProcesses(String signal) throws XmlRpcFault, CommunicationException {
        return rpc.structs(ProcessResult::fromMap, "supervisor.signalAllProcesses", signal);
    }

    @Override
    public boolean sendProcessStdin(String name, String chars) throws XmlRpcFault, CommunicationException {
        return rpc.bool("supervisor.sendProcessStdin", name, chars);
    }

    @Override
    public boolean sendRemoteCommEvent(String type, String data) throws XmlRpcFault, CommunicationException {
        return rpc.bool("supervisor.sendRemoteCommEvent", type, data);
    }

    @Override
    public String readProcessStdoutLog(String name, int offset, int length) throws XmlRpcFault, CommunicationException {
        return rpc.string("supervisor.readProcessStdoutLog", name, offset, length);
    }

    @Override
    public String readProcessStderrLog(String name, int offset, int length) throws XmlRpcFault, CommunicationException {
        return rpc.string("supervisor.readProcessStderrLog", name, offset, length);
    }

    @Override
    public LogTail tailProcessStdoutLog(String name, int offset, int length)
            throws XmlRpcFault, CommunicationException {
        return rpc.value(LogTail::fromValue, "supervisor.tailProcessStdoutLog", name, offset, length);
    }

    @Override
    public LogTail tailProcessStderrLog(String name, int offset, int length)
            throws XmlRpcFault, CommunicationException {
        return rpc.value(LogTail::fromValue, "supervisor.tailProcessStderrLog", name, offset, length);
    }

    @Override
    public boolean clearProcessLogs(String name) throws XmlRpcFault, CommunicationException {
        return rpc.bool("supervisor.clearProcessLogs", name);
    }

    @Override
    public List<ProcessResult> clearAllProcessLogs() throws XmlRpcFault, CommunicationException {
        return rpc.structs(ProcessResult::fromMap, "supervisor.clearAllProcessLogs");
    }
}
