package org.supvisors.transport.peer;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.supvisors.core.effect.PeerDirectory.PeerEndpoint;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.transport.config.HttpServerSettings;
import org.supvisors.transport.testing.FreePorts;
import org.supvisors.transport.xmlrpc.RpcMethod;
import org.supvisors.transport.xmlrpc.RpcParam;
import org.supvisors.transport.xmlrpc.RpcRegistry;
import org.supvisors.transport.xmlrpc.XmlRpcServer;
import org.supvisors.transport.xmlrpc.XmlRpcServerConfig;

/**
 * One agent as the composition root builds it, on 127.0.0.1: an XML-RPC server on the agent port (supervisord's
 * HTTP port + {@value #OFFSET}, with a {@code test.echo} method) and a peer transport sharing its port and loops.
 */
final class PeerNode implements AutoCloseable {

    static final int OFFSET = 2;

    final InstanceIdentity identity;
    final Optional<String> username;
    final Optional<String> password;
    final RecordingListener listener = new RecordingListener();
    final XmlRpcServer server;
    final PeerTransport transport;

    private PeerNode(int httpPort, Optional<String> username, Optional<String> password, PeerGate gate,
                     Duration handshakeTimeout) {
        this.identity = new InstanceIdentity("127.0.0.1:" + httpPort, "node" + httpPort, "127.0.0.1", httpPort);
        this.username = username;
        this.password = password;
        HttpServerSettings listen = new HttpServerSettings("127.0.0.1", httpPort + OFFSET, username, password);
        HttpServerSettings supervisord = new HttpServerSettings("127.0.0.1", httpPort, username, password);
        PeerSettings settings = PeerSettings.of(identity, OFFSET, supervisord).withHandshakeTimeout(handshakeTimeout);
        transport = new PeerTransport(settings, listener, gate);
        server = new XmlRpcServer(XmlRpcServerConfig.of(listen, supervisord), new RpcRegistry().register(ECHO))
                .protocol(transport.protocol());
        server.start();
        transport.start(server.eventLoops());
    }

    /** A node on a free port block, without credentials. */
    static PeerNode start() {
        return start(FreePorts.block(3), Optional.empty(), Optional.empty(), PeerGate.OPEN, Duration.ofSeconds(5));
    }

    static PeerNode start(int httpPort, Optional<String> username, Optional<String> password, PeerGate gate,
                          Duration handshakeTimeout) {
        return new PeerNode(httpPort, username, password, gate, handshakeTimeout);
    }

    String id() {
        return identity.identifier();
    }

    int httpPort() {
        return identity.httpPort();
    }

    int agentPort() {
        return identity.httpPort() + OFFSET;
    }

    PeerEndpoint endpoint() {
        return endpoint(identity);
    }

    static PeerEndpoint endpoint(InstanceIdentity identity) {
        return new PeerEndpoint(identity.identifier(), identity.hostId(), identity.httpPort());
    }

    /** Calls {@code test.echo} over XML-RPC on the agent port, with the node's credentials. */
    Object echo(String value) throws Exception {
        XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
        config.setServerURL(new URL("http://127.0.0.1:" + agentPort() + "/RPC2"));
        config.setBasicUserName(username.orElse(null));
        config.setBasicPassword(password.orElse(null));
        config.setConnectionTimeout(5000);
        config.setReplyTimeout(5000);
        XmlRpcClient client = new XmlRpcClient();
        client.setConfig(config);
        return client.execute("test.echo", new Object[] {value});
    }

    @Override
    public void close() {
        transport.close();
        server.close();
    }

    private static final RpcMethod ECHO = new RpcMethod() {
        @Override
        public String name() {
            return "test.echo";
        }

        @Override
        public List<RpcParam> params() {
            return List.of(RpcParam.required("value", "string"));
        }

        @Override
        public String returnType() {
            return "string";
        }

        @Override
        public String help() {
            return "answers its argument";
        }

        @Override
        public CompletionStage<Object> call(List<Object> params) {
            return CompletableFuture.completedFuture(params.get(0));
        }
    };
}
