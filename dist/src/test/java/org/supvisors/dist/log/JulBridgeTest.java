package org.supvisors.dist.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.dist.log.Captured.ASCTIME;

import java.io.IOException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.supvisors.core.config.LogLevel;

/** The bridge on private JUL loggers standing for the root and {@code io.netty} ones, so as not to touch the JVM's. */
class JulBridgeTest {

    private final Captured captured = new Captured();
    private final Logger root;
    private final Logger netty;
    private final Logger child;

    JulBridgeTest(TestInfo test) {
        String base = "julbridgetest." + test.getTestMethod().orElseThrow().getName();
        root = Logger.getLogger(base);
        root.setUseParentHandlers(false);
        netty = Logger.getLogger(base + ".netty");
        child = Logger.getLogger(base + ".org.apache.xmlrpc.client");
    }

    @AfterEach
    void removeHandlers() {
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
    }

    private JulBridge bridge() {
        captured.control.bridge(root, netty);
        return (JulBridge) root.getHandlers()[0];
    }

    @Test
    void when_installed_then_itReplacesTheHandlersAndSetsTheLevels() {
        Handler console = new java.util.logging.ConsoleHandler();
        root.addHandler(console);

        captured.control.bridge(root, netty);
        captured.control.bridge(root, netty);

        assertThat(root.getHandlers()).singleElement().isInstanceOf(JulBridge.class);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(netty.getLevel()).isEqualTo(Level.WARNING);
    }

    @Test
    void when_julLogs_then_lineIsInSupvisorsFormatWithParametersAndThrowable() {
        bridge();

        child.log(Level.WARNING, "call to {0} on port {1} failed", new Object[] {"supv02", 60000});
        child.log(Level.SEVERE, "fault", new IOException("Connection refused"));
        child.fine("not written at info");

        assertThat(captured.stderrLines()).containsExactly(ASCTIME + ";WARN;call to supv02 on port 60000 failed",
                ASCTIME + ";ERRO;fault: java.io.IOException: Connection refused");
    }

    @Test
    void when_thresholdChanges_then_julLevelsFollowAndFineRecordsPass() {
        bridge();

        captured.control.setLevel(LogLevel.DEBUG);
        child.fine("fine written at debug");
        child.finer("finer not written at debug");

        assertThat(root.getLevel()).isEqualTo(Level.FINE);
        assertThat(netty.getLevel()).isEqualTo(Level.FINE);
        assertThat(captured.stderrLines()).containsExactly(ASCTIME + ";DEBG;fine written at debug");

        captured.control.configure(LogDestination.stderr(), LogLevel.ERROR, "");
        assertThat(root.getLevel()).isEqualTo(Level.SEVERE);
        assertThat(netty.getLevel()).isEqualTo(Level.SEVERE);
    }

    @Test
    void when_blatherThreshold_then_everyJulLevelMapsToSupervisorsLevel() {
        JulBridge bridge = bridge();
        captured.control.setLevel(LogLevel.BLATHER);

        for (Level level : new Level[] {Level.SEVERE, Level.WARNING, Level.INFO, Level.CONFIG, Level.FINE,
                Level.FINER, Level.FINEST}) {
            LogRecord record = new LogRecord(level, level.getName());
            record.setLoggerName(child.getName());
            bridge.publish(record);
        }

        assertThat(root.getLevel()).isEqualTo(Level.ALL);
        assertThat(captured.stderrLines()).containsExactly(ASCTIME + ";ERRO;SEVERE", ASCTIME + ";WARN;WARNING",
                ASCTIME + ";INFO;INFO", ASCTIME + ";DEBG;CONFIG", ASCTIME + ";DEBG;FINE", ASCTIME + ";TRAC;FINER",
                ASCTIME + ";BLAT;FINEST");
    }

    @Test
    void when_nettyRecordsAtInfo_then_onlyTheirWarningsPassUntilDebug() {
        JulBridge bridge = bridge();

        bridge.publish(nettyRecord(Level.INFO, "netty info dropped"));
        bridge.publish(nettyRecord(Level.WARNING, "netty warning kept"));
        captured.control.setLevel(LogLevel.DEBUG);
        bridge.publish(nettyRecord(Level.FINE, "netty debug kept"));

        assertThat(captured.stderrLines()).containsExactly(ASCTIME + ";WARN;netty warning kept",
                ASCTIME + ";DEBG;netty debug kept");
    }

    private static LogRecord nettyRecord(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("io.netty.util.internal.PlatformDependent");
        return record;
    }
}
