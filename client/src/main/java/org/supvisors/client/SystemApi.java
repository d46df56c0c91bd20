package org.supvisors.client;

import java.util.List;

/**
 * The {@code system.*} namespace of the agent: introspection of the three namespaces and {@code multicall} across
 * them. Get it from {@link SupvisorsClient#system()}. Implementations are thread-safe.
 */
public interface SystemApi {

    /** {@code listMethods}: every method of {@code supvisors.*}, {@code supervisor.*} and {@code system.*}. */
    List<String> listMethods() throws XmlRpcFault, CommunicationException;

    /** {@code methodHelp}: the documentation of a method. */
    String methodHelp(String method) throws XmlRpcFault, CommunicationException;

    /**
     * {@code methodSignature}: the signature of a method as Supervisor gives it, one array of XML-RPC type names, the
     * return type first ({@code ["boolean", "string", "string", "boolean"]}); fault {@code SIGNATURE_UNSUPPORTED}
     * when the method has none.
     */
    List<String> methodSignature(String method) throws XmlRpcFault, CommunicationException;

    /**
     * {@code multicall}: runs {@code calls} in order in one request; a fault in one call is its result and does not
     * stop the others. Supervisor's convention: each result is the value itself (not wrapped in a one-element array
     * as Python's standard server does), or a {@code {faultCode, faultString}} struct. Bounded by the client's wait
     * timeout, since the calls may wait.
     *
     * @return one result per call, in order
     */
    List<CallResult> multicall(List<Call> calls) throws XmlRpcFault, CommunicationException;
}
