package org.supvisors.transport.xmlrpc;

import io.netty.handler.codec.http.FullHttpResponse;

/**
 * A request refused by a handler in front of the aggregator (401, 413): passed down the pipeline to
 * {@link HttpRequestHandler} so that it is answered in order with the connection's other requests.
 *
 * @param response the answer
 * @param close whether to close the connection after it (the rest of the body is not read)
 */
record HttpRefusal(FullHttpResponse response, boolean close) {
}
