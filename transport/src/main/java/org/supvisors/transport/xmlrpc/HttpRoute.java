package org.supvisors.transport.xmlrpc;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.concurrent.EventExecutor;

/**
 * One path of the agent's HTTP port ({@code POST /RPC2} is XML-RPC; the dashboard and REST gateway add theirs with
 * {@link XmlRpcServer#route}). The server has already checked the credentials and the body size, and answers 404
 * for a path without route and 405 (with {@code Allow}) for a method not in {@link #methods()}.
 */
public interface HttpRoute {

    /** The HTTP methods this route answers. */
    Set<HttpMethod> methods();

    /**
     * Answers one request. Called on the connection's event loop: must return at once (no blocking I/O); work
     * done elsewhere completes the stage later, and the answer should then be built on {@code loop}.
     *
     * @param request the aggregated request; the server releases it when this method returns, so a route that
     *        needs its body later retains or copies it
     * @param loop the connection's event loop
     * @return the response; the server sets {@code Content-Length} and {@code Connection} and writes it in one
     *         write, after the answers to the connection's earlier requests. A stage that fails is answered 500
     *         and logged
     */
    CompletionStage<FullHttpResponse> answer(FullHttpRequest request, EventExecutor loop);
}
