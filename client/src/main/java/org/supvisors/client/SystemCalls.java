package org.supvisors.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link SystemApi} over XML-RPC. */
final class SystemCalls implements SystemApi {

    private final Invoker rpc;

    SystemCalls(Invoker rpc) {
        this.rpc = rpc;
    }

    @Override
    public List<String> listMethods() throws XmlRpcFault, CommunicationException {
        return rpc.strings("system.listMethods", rpc.answer(false, "system.listMethods"));
    }

    @Override
    public String methodHelp(String method) throws XmlRpcFault, CommunicationException {
        return rpc.string("system.methodHelp", method);
    }

    @Override
    public List<String> methodSignature(String method) throws XmlRpcFault, CommunicationException {
        return rpc.strings("system.methodSignature", rpc.answer(false, "system.methodSignature", method));
    }

    @Override
    public List<CallResult> multicall(List<Call> calls) throws XmlRpcFault, CommunicationException {
        String method = "system.multicall";
        List<Map<String, Object>> structs = new ArrayList<>();
        for (Call call : calls) {
            Map<String, Object> struct = new LinkedHashMap<>();
            struct.put("methodName", call.method());
            struct.put("params", call.params());
            structs.add(struct);
        }
        List<?> answers = rpc.list(method, rpc.answer(true, method, structs));
        if (answers.size() != calls.size()) {
            throw rpc.unexpected(method, answers.size() + " results for " + calls.size() + " calls (expected: one"
                    + " per call)");
        }
        List<CallResult> results = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Object answer = answers.get(i);
            if (answer instanceof Map<?, ?> fault && fault.size() == 2 && fault.get("faultCode") instanceof Integer code
                    && fault.get("faultString") instanceof String text) {
                results.add(new CallResult(null, new XmlRpcFault(rpc.url(), calls.get(i).method(), code, text)));
            } else {
                results.add(new CallResult(answer, null));
            }
        }
        return Collections.unmodifiableList(results);
    }
}
