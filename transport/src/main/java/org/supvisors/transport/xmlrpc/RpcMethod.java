package org.supvisors.transport.xmlrpc;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One XML-RPC method that the agent answers itself (as opposed to those it forwards to supervisord).
 *
 * <p>Values crossing this interface use these Java types: {@code String}, {@code Integer}, {@code Long}
 * (written as {@code <i8>} only beyond 32 bits), {@code Boolean}, {@code Double}, {@code byte[]} (base64),
 * {@code java.util.Date} (dateTime.iso8601), {@code List<Object>} (array), {@code Map<String, Object>} (struct)
 * and {@code null} (nil).
 */
public interface RpcMethod {

    /** The full method name, e.g. {@code supvisors.get_api_version}. */
    String name();

    /** The parameter specifications, in order; the last ones may be optional. */
    List<RpcParam> params();

    /** The XML-RPC return type name, e.g. {@code struct}, {@code array}, {@code string}, {@code boolean}. */
    String returnType();

    /** The text answered by {@code system.methodHelp}. */
    String help();

    /**
     * Runs the call. The arity has been checked against {@link #params()} before; the types have not.
     * Refusals are {@link org.supvisors.core.api.SupvisorsFault}s, thrown or completing the stage exceptionally;
     * any other exception becomes a {@code FAILED} fault and a log line.
     *
     * @param params the decoded parameters, as many as given by the caller
     * @return the result, possibly completed later (e.g. a {@code wait=True} call)
     */
    CompletionStage<Object> call(List<Object> params);
}
