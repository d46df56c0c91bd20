package org.supvisors.transport.xmlrpc;

import java.util.List;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * The pipeline of a connection to the agent's HTTP port, in one place:
 * <pre>
 *   HttpServerCodec          bytes &lt;-&gt; request head, body chunks / responses
 *   BasicAuthHandler         401 on the head, before the body (only when credentials are configured)
 *   BodyLimitAggregator      one FullHttpRequest, at most maxBodyBytes (else 413 and close)
 *   HttpRequestHandler       routes (POST /RPC2 = XML-RPC), answers in request order
 * </pre>
 * When other {@link PortProtocol}s share the port, a {@link PortUnification} comes first and, once the first bytes
 * are known, puts either that pipeline or the protocol's behind it.
 */
final class HttpServerInitializer extends ChannelInitializer<Channel> {

    private final XmlRpcServerConfig config;
    private final HttpRoutes routes;
    private final List<PortProtocol> protocols;

    HttpServerInitializer(XmlRpcServerConfig config, HttpRoutes routes) {
        this(config, routes, List.of());
    }

    HttpServerInitializer(XmlRpcServerConfig config, HttpRoutes routes, List<PortProtocol> protocols) {
        this.config = config;
        this.routes = routes;
        this.protocols = List.copyOf(protocols);
    }

    @Override
    protected void initChannel(Channel channel) {
        if (protocols.isEmpty()) {
            addHttp(channel.pipeline());
        } else {
            channel.pipeline().addLast("unification", new PortUnification(protocols, this::addHttp));
        }
    }

    private void addHttp(ChannelPipeline pipeline) {
        pipeline.addLast("http", new HttpServerCodec());
        if (config.listen().hasCredentials()) {
            pipeline.addLast("auth", new BasicAuthHandler(config.listen().username().orElseThrow(),
                    config.listen().password().orElse(""), config.maxBodyBytes()));
        }
        pipeline.addLast("aggregator", new BodyLimitAggregator(config.maxBodyBytes()));
        pipeline.addLast("handler", new HttpRequestHandler(routes));
    }
}
