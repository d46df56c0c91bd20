package org.supvisors.transport.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.security.SecureRandom;
import java.util.Optional;

import org.supvisors.core.instance.InstanceIdentity;

import io.netty.buffer.Unpooled;

/**
 * A hand-made peer on a blocking socket: sends whatever a test wants, correct or not, and reads frames. It can
 * authenticate as a dialler, knowing the credentials.
 */
final class RawPeer implements AutoCloseable {

    private final Socket socket = new Socket();
    private final DataInputStream in;
    private final OutputStream out;
    private long nextSequence;
    private Optional<String> lastBye = Optional.empty();

    RawPeer(int port) throws IOException {
        this(port, 0);
    }

    /** @param receiveBuffer the socket's receive buffer, 0 for the system's */
    RawPeer(int port, int receiveBuffer) throws IOException {
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void magic() throws IOException {
        send(PeerTransport.MAGIC);
    }

    /** Sends a frame with the next sequence number. */
    void frame(int kind, Object body) throws IOException {
        send(Frames.frame(kind, nextSequence++, body));
    }

    /** Sends a frame with this sequence number (the next one is left as it was). */
    void frameAt(int kind, long sequence, Object body) throws IOException {
        send(Frames.frame(kind, sequence, body));
    }

    /** Sends a frame with the next sequence number and this body, well-formed or not. */
    void frameWithBody(int kind, byte[] body) throws IOException {
        send(Frames.frame(PeerFrameDecoder.VERSION, kind, nextSequence++, body));
    }

    long nextSequence() {
        return nextSequence;
    }

    int localPort() {
        return socket.getLocalPort();
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** The reason of the last bye read. */
    Optional<String> lastBye() {
        return lastBye;
    }

    Inbound.Frame read() throws Exception {
        int length = in.readInt();
        int version = in.readUnsignedByte();
        int kind = in.readUnsignedByte();
        long sequence = in.readLong();
        byte[] body = new byte[length - PeerFrameDecoder.HEADER];
        in.readFully(body);
        assertThat(version).isEqualTo(PeerFrameDecoder.VERSION);
        Inbound.Frame frame = new Inbound.Frame(kind, sequence, WireValues.read(Unpooled.wrappedBuffer(body)));
        if (kind == Handshake.BYE) {
            lastBye = Optional.of(Handshake.readBye(frame.body()));
        }
        return frame;
    }

    /** Dials as {@code me}: magic and hello, then reads the acceptor's hello. */
    Handshake.Hello hello(InstanceIdentity me, Handshake keys, byte[] nonce) throws Exception {
        magic();
        frame(Handshake.HELLO, keys.hello(me, nonce));
        Inbound.Frame hello = read();
        assertThat(hello.kind()).isEqualTo(Handshake.HELLO);
        return Handshake.Hello.read(hello.body());
    }

    /** Dials as {@code me} and says hello, then reads the frame that follows the acceptor's hello. */
    Inbound.Frame introduce(InstanceIdentity me, Handshake keys) throws Exception {
        hello(me, keys, Handshake.nonce(new SecureRandom()));
        return read();
    }

    /**
     * The whole handshake as {@code me} with these credentials; returns the frame answering the proof (the
     * acceptor's proof, or a bye).
     */
    Inbound.Frame handshake(InstanceIdentity me, Optional<String> username, Optional<String> password)
            throws Exception {
        Handshake keys = new Handshake(username, password);
        byte[] nonce = Handshake.nonce(new SecureRandom());
        Handshake.Hello acceptor = hello(me, keys, nonce);
        frame(Handshake.PROOF, Handshake.proofBody(keys.proof(me.identifier(), nonce,
                acceptor.identity().identifier(), acceptor.nonce())));
        return read();
    }

    /** The handshake, which must succeed. */
    void authenticate(InstanceIdentity me, Optional<String> username, Optional<String> password) throws Exception {
        Inbound.Frame answer = handshake(me, username, password);
        assertThat(answer.kind()).as("answer %s", answer).isEqualTo(Handshake.PROOF);
    }

    /** Reads frames until the server closes the connection; returns the reason of the last bye, if any. */
    Optional<String> awaitClose() throws Exception {
        while (true) {
            try {
                read();
            } catch (EOFException | SocketException closed) {
                return lastBye;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
