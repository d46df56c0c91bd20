package org.supvisors.transport.supervisord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supvisors.transport.config.HttpServerSettings;

import com.sun.net.httpserver.HttpServer;

/** The client against a hostile server on 127.0.0.1: what XmlRpcHardening must stop. */
class XmlRpcHardeningTest {

    /** Set when a deserialized {@link Gadget} runs its code, as a gadget chain would. */
    static final AtomicBoolean GADGET_RAN = new AtomicBoolean();

    private HttpServer server;
    private final AtomicInteger dtdFetches = new AtomicInteger();
    private volatile byte[] answer;

    @BeforeAll
    static void harden() {
        XmlRpcHardening.install();
    }

    @BeforeEach
    void startHostileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/RPC2", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/evil.dtd", exchange -> {
            dtdFetches.incrementAndGet();
            byte[] dtd = "<!ENTITY x 'pwned'>".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void an_answer_with_an_external_dtd_is_refused_without_fetching_the_dtd() {
        answer = ("<?xml version=\"1.0\"?>\n<!DOCTYPE methodResponse SYSTEM \"http://127.0.0.1:"
                + server.getAddress().getPort() + "/evil.dtd\">\n"
                + "<methodResponse><params><param><value><string>ok</string></value></param></params></methodResponse>")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> client().getIdentification())
                .isInstanceOf(SupervisordTransportException.class)
                .hasMessageContaining(client().url())
                .hasMessageContaining("DOCTYPE");
        assertThat(dtdFetches).hasValue(0);
    }

    @Test
    void a_fault_cause_is_never_deserialized_cve_2019_17570() throws Exception {
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(serialized)) {
            out.writeObject(new Gadget());
        }
        answer = ("<?xml version=\"1.0\"?><methodResponse><fault><value><struct>"
                + "<member><name>faultCode</name><value><int>10</int></value></member>"
                + "<member><name>faultString</name><value><string>BAD_NAME: x</string></value></member>"
                + "<member><name>faultCause</name><value><base64>"
                + Base64.getEncoder().encodeToString(serialized.toByteArray())
                + "</base64></value></member></struct></value></fault></methodResponse>")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> client().getProcessInfo("x"))
                .isInstanceOf(SupervisordFaultException.class)
                .hasMessage("supervisor.getProcessInfo('x'): BAD_NAME (10): x at " + client().url());
        assertThat(GADGET_RAN).isFalse();
    }

    @Test
    void vendor_extension_types_are_refused() {
        answer = ("<?xml version=\"1.0\"?><methodResponse xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\">"
                + "<params><param><value><ex:serializable>rO0AB</ex:serializable></value></param></params>"
                + "</methodResponse>").getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> client().call("supervisor.getIdentification"))
                .isInstanceOf(SupervisordTransportException.class);
    }

    @Test
    void the_jvm_wide_filter_rejects_every_class_and_install_is_idempotent() {
        assertThat(XmlRpcHardening.isInstalled()).isTrue();
        assertThat(java.io.ObjectInputFilter.Config.getSerialFilter()).isNotNull();
        assertThatThrownBy(() -> new ObjectInputStream(new java.io.ByteArrayInputStream(serializedString())).readObject())
                .isInstanceOf(java.io.InvalidClassException.class);
        XmlRpcHardening.install();
    }

    private static byte[] serializedString() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.ArrayList<>());
        }
        return bytes.toByteArray();
    }

    private SupervisordClient client() {
        return new SupervisordClient(new HttpServerSettings("127.0.0.1", server.getAddress().getPort(),
                Optional.empty(), Optional.empty()));
    }

    /** Stands for a gadget chain: code that runs while it is deserialized. */
    static final class Gadget extends RuntimeException implements Serializable {
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            GADGET_RAN.set(true);
        }
    }
}
