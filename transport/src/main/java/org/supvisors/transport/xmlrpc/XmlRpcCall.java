package org.supvisors.transport.xmlrpc;

import java.util.List;

/**
 * A decoded {@code methodCall}.
 *
 * @param methodName the method name, never empty
 * @param params the decoded parameters (see {@link RpcMethod} for the Java types), possibly empty
 */
record XmlRpcCall(String methodName, List<Object> params) {
}
