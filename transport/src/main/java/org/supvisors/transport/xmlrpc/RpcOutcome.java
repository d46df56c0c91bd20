package org.supvisors.transport.xmlrpc;

import io.netty.buffer.ByteBuf;

/** What the dispatcher answers to one XML-RPC request, before it is written. */
sealed interface RpcOutcome {

    /** A result to encode. */
    record Value(Object value) implements RpcOutcome {
    }

    /** A fault to encode. */
    record Failure(int code, String faultString) implements RpcOutcome {
    }

    /** supervisord's answer body, relayed as is; whoever writes or drops it releases it. */
    record Relayed(ByteBuf body) implements RpcOutcome {
    }
}
