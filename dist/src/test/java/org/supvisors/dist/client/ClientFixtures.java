package org.supvisors.dist.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;

import org.supvisors.client.CommunicationException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.dist.testing.TestingAgent;

/** What the client library's integration tests share: rules, agents, and the capture of an expected failure. */
final class ClientFixtures {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Rules managing the application {@code web}, not started automatically, every program in sequence 1. */
    static final String WEB_RULES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <root>
                <application name="web">
                    <programs>
                        <program pattern=".*"><start_sequence>1</start_sequence></program>
                    </programs>
                </application>
            </root>
            """;

    private ClientFixtures() {
    }

    /** A call expected to fail. */
    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }

    /** A builder of an agent whose group {@code web} has the programs {@code front} and {@code back}. */
    static TestingAgent.Builder webAgent(String name, String startsecs) {
        return TestingAgent.builder(name)
                .option("rules_files", "%(here)s/rules.xml")
                .program("front", "/bin/sleep 1000", "startsecs = " + startsecs)
                .program("back", "/bin/sleep 1000", "startsecs = " + startsecs)
                .section("[group:web]\nprograms = front,back\n");
    }

    /** Writes {@code rules} as the agent's rules file, starts it and waits for OPERATION. */
    static TestingAgent startWithRules(TestingAgent agent, String rules) {
        try {
            Files.writeString(agent.directory().resolve("rules.xml"), rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return agent.start().awaitOperation(TIMEOUT);
    }

    /** The fault that {@code call} raises. */
    static XmlRpcFault fault(ThrowingCall call) {
        return failure(call, XmlRpcFault.class);
    }

    /** The communication failure that {@code call} raises. */
    static CommunicationException communication(ThrowingCall call) {
        return failure(call, CommunicationException.class);
    }

    private static <E extends Exception> E failure(ThrowingCall call, Class<E> expected) {
        try {
            call.run();
        } catch (Exception e) {
            if (expected.isInstance(e)) {
                return expected.cast(e);
            }
            throw new AssertionError("expected a " + expected.getSimpleName() + ", got " + e, e);
        }
        throw new AssertionError("expected a " + expected.getSimpleName() + ", the call returned");
    }

    /** Closes what was opened, the last first; {@code null}s are skipped. */
    static void close(AutoCloseable... resources) throws Exception {
        for (int i = resources.length - 1; i >= 0; i--) {
            if (resources[i] != null) {
                resources[i].close();
            }
        }
    }
}
