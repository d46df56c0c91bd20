package org.supvisors.transport.xmlrpc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

import org.supvisors.core.api.Fault;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.EventExecutor;

/**
 * {@code POST /RPC2}: decodes the {@code methodCall} (a malformed one is answered 400 with a one-line reason, as
 * supervisord does), dispatches it, and encodes the outcome on the connection's event loop. supervisord's answers
 * are relayed byte for byte.
 */
final class XmlRpcRoute implements HttpRoute {

    static final String PATH = "/RPC2";

    private static final System.Logger LOGGER = System.getLogger(XmlRpcRoute.class.getName());

    private final RpcDispatcher dispatcher;

    XmlRpcRoute(RpcDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public Set<HttpMethod> methods() {
        return Set.of(HttpMethod.POST);
    }

    @Override
    public CompletionStage<FullHttpResponse> answer(FullHttpRequest request, EventExecutor loop) {
        XmlRpcCall call;
        try (InputStream in = new ByteBufInputStream(request.content().duplicate())) {
            call = XmlRpcReader.readCall(in);
        } catch (XmlRpcFormatException | IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "malformed XML-RPC request answered 400: {0}", e.getMessage());
            return CompletableFuture.completedFuture(HttpResponses.text(HttpResponseStatus.BAD_REQUEST,
                    "400 malformed XML-RPC request: " + e.getMessage()));
        }
        CompletableFuture<FullHttpResponse> response = new CompletableFuture<>();
        dispatcher.dispatch(call, request.content(), loop).whenComplete((outcome, error) -> {
            RpcOutcome result = error != null ? RpcDispatcher.failure(error, call.methodName()) : outcome;
            if (loop.inEventLoop()) {
                response.complete(encode(result, call.methodName()));
                return;
            }
            try {
                loop.execute(() -> response.complete(encode(result, call.methodName())));
            } catch (RejectedExecutionException e) {
                if (result instanceof RpcOutcome.Relayed relayed) {
                    relayed.body().release();
                }
                response.completeExceptionally(e);
            }
        });
        return response;
    }

    private static FullHttpResponse encode(RpcOutcome outcome, String methodName) {
        if (outcome instanceof RpcOutcome.Relayed relayed) {
            return HttpResponses.xml(relayed.body());
        }
        String xml;
        if (outcome instanceof RpcOutcome.Value value) {
            try {
                return HttpResponses.xml(XmlRpcWriter.response(value.value(), ByteBufAllocator.DEFAULT));
            } catch (IllegalArgumentException e) {
                LOGGER.log(System.Logger.Level.WARNING, "result of XML-RPC method " + methodName + " cannot be "
                        + "encoded; answered a FAILED fault. This is a bug in that method", e);
                xml = XmlRpcWriter.fault(Fault.FAILED.code(), Fault.FAILED.name() + ": result of " + methodName
                        + " cannot be encoded: " + e.getMessage());
            }
        } else {
            RpcOutcome.Failure failure = (RpcOutcome.Failure) outcome;
            xml = XmlRpcWriter.fault(failure.code(), failure.faultString());
        }
        return HttpResponses.xml(ByteBufUtil.writeUtf8(ByteBufAllocator.DEFAULT, xml));
    }
}
