package org.supvisors.transport.xmlrpc;

/**
 * One parameter of an {@link RpcMethod}.
 *
 * @param name the 0.19 parameter name (documentation, REST gateway)
 * @param type the XML-RPC type name for {@code system.methodSignature}, e.g. {@code string}, {@code int}
 * @param optional whether the caller may leave it out (only trailing parameters may)
 */
public record RpcParam(String name, String type, boolean optional) {

    public static RpcParam required(String name, String type) {
        return new RpcParam(name, type, false);
    }

    public static RpcParam optional(String name, String type) {
        return new RpcParam(name, type, true);
    }
}
