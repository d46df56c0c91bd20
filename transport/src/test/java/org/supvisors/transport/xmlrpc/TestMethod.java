package org.supvisors.transport.xmlrpc;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** A local method for tests: name, parameters and a body. */
record TestMethod(String name, List<RpcParam> params, String returnType, String help,
        Function<List<Object>, CompletionStage<Object>> body) implements RpcMethod {

    /** A method answering at once with {@code body}'s result. */
    static TestMethod sync(String name, List<RpcParam> params, Function<List<Object>, Object> body) {
        return new TestMethod(name, params, "string", "help of " + name,
                args -> CompletableFuture.completedFuture(body.apply(args)));
    }

    @Override
    public CompletionStage<Object> call(List<Object> params) {
        return body.apply(params);
    }
}
