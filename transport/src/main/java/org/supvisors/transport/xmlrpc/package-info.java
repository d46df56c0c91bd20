/**
 * The agent's HTTP port, wire-compatible with Supervisor's: {@code POST /RPC2} answers the local XML-RPC methods
 * of an {@link org.supvisors.transport.xmlrpc.RpcRegistry} and forwards {@code supervisor.*} and {@code system.*}
 * to supervisord, so that {@code xmlrpc.client}, supervisorctl and the Apache client work unchanged.
 *
 * <p>Public: {@link org.supvisors.transport.xmlrpc.XmlRpcServer}, its
 * {@link org.supvisors.transport.xmlrpc.XmlRpcServerConfig}, the registry, {@link
 * org.supvisors.transport.xmlrpc.RpcMethod} / {@link org.supvisors.transport.xmlrpc.RpcParam}, and
 * {@link org.supvisors.transport.xmlrpc.HttpRoute} for other paths, {@link org.supvisors.transport.xmlrpc.PortProtocol}
 * for other protocols on the same port (told apart by their first bytes, {@code PortUnification}). Inside: the codec ({@code XmlRpcReader},
 * {@code XmlRpcWriter}), the pipeline ({@code HttpServerInitializer} and its handlers), the dispatch
 * ({@code RpcDispatcher}, {@code Multicall}) and the client to supervisord ({@code SupervisordForwarder}).
 */
package org.supvisors.transport.xmlrpc;
