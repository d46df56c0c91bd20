package org.supvisors.dist.log;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.TRACE;
import static java.lang.System.Logger.Level.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.dist.log.Captured.ASCTIME;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;
import org.supvisors.core.config.LogLevel;

class LogControlTest {

    private final Captured captured = new Captured();
    private final System.Logger logger = captured.logger("org.supvisors.core.Test");

    @Test
    void when_notConfigured_then_infoLinesGoToStderrIn019Format() {
        logger.log(INFO, "instance {0} RUNNING on port {1}", "supv01", 60000);
        logger.log(DEBUG, "not written at info");

        assertThat(captured.control.level()).isEqualTo(LogLevel.INFO);
        assertThat(captured.stderr()).isEqualTo(ASCTIME + ";INFO;instance supv01 RUNNING on port 60000\n");
    }

    @Test
    void when_softwareNameConfigured_then_everyLineStartsWithIt() {
        captured.control.configure(LogDestination.stderr(), LogLevel.INFO, "Supvisors Tests");

        logger.log(WARNING, "instance supv02 lost");

        assertThat(captured.stderr()).isEqualTo("Supvisors Tests;" + ASCTIME + ";WARN;instance supv02 lost\n");
    }

    @Test
    void when_blatherThreshold_then_everyLevelIsWrittenWithSupervisorsShortName() {
        captured.control.setLevel(LogLevel.BLATHER);

        logger.log(ERROR, "e");
        logger.log(WARNING, "w");
        logger.log(INFO, "i");
        logger.log(DEBUG, "d");
        logger.log(TRACE, "t");
        logger.log(System.Logger.Level.ALL, "a");
        logger.log(System.Logger.Level.OFF, "never");

        assertThat(captured.stderrLines()).containsExactly(ASCTIME + ";ERRO;e", ASCTIME + ";WARN;w",
                ASCTIME + ";INFO;i", ASCTIME + ";DEBG;d", ASCTIME + ";TRAC;t", ASCTIME + ";BLAT;a");
    }

    @Test
    void when_levelChangedAtRunTime_then_filterFollowsAtOnce() {
        captured.control.setLevel(LogLevel.DEBUG);
        logger.log(DEBUG, "debug 1");
        assertThat(logger.isLoggable(TRACE)).isFalse();

        captured.control.setLevel(LogLevel.WARN);
        logger.log(INFO, "info 2");
        logger.log(WARNING, "warn 3");

        assertThat(captured.control.level()).isEqualTo(LogLevel.WARN);
        assertThat(logger.isLoggable(INFO)).isFalse();
        assertThat(captured.stderrLines()).containsExactly(ASCTIME + ";DEBG;debug 1", ASCTIME + ";WARN;warn 3");
    }

    @Test
    void when_criticalThreshold_then_onlyErrorLinesAreKept() {
        captured.control.setLevel(LogLevel.CRITICAL);

        logger.log(WARNING, "dropped");
        logger.log(ERROR, "operator must act");

        assertThat(captured.stderrLines()).containsExactly(ASCTIME + ";ERRO;operator must act");
    }

    @Test
    void when_thresholdAboveDebug_then_nettyStaysAtWarn() {
        System.Logger netty = captured.logger("io.netty.channel.DefaultChannelPipeline");
        System.Logger notNetty = captured.logger("io.nettyish.Other");

        netty.log(INFO, "netty info dropped");
        netty.log(WARNING, "netty warn kept");
        notNetty.log(INFO, "other info kept");
        captured.control.setLevel(LogLevel.DEBUG);
        netty.log(DEBUG, "netty debug kept");
        captured.control.setLevel(LogLevel.ERROR);
        netty.log(WARNING, "netty warn dropped at error");

        assertThat(captured.stderrLines()).containsExactly(ASCTIME + ";WARN;netty warn kept",
                ASCTIME + ";INFO;other info kept", ASCTIME + ";DEBG;netty debug kept");
    }

    @Test
    void when_throwableAtInfo_then_classAndMessageOnTheSameLine() {
        logger.log(WARNING, "connection to supv02 lost", new IOException("Connection reset"));
        logger.log(ERROR, "no message", new IllegalStateException());

        assertThat(captured.stderrLines()).containsExactly(
                ASCTIME + ";WARN;connection to supv02 lost: java.io.IOException: Connection reset",
                ASCTIME + ";ERRO;no message: java.lang.IllegalStateException");
    }

    @Test
    void when_throwableHasCauses_then_causesNotAlreadyInTheMessageFollow() {
        logger.log(ERROR, "call failed",
                new UncheckedIOException("read failed", new IOException("Connection refused")));
        logger.log(ERROR, "wrapped", new RuntimeException(new IOException("Broken pipe")));

        assertThat(captured.stderrLines()).containsExactly(
                ASCTIME + ";ERRO;call failed: java.io.UncheckedIOException: read failed; caused by "
                        + "java.io.IOException: Connection refused",
                ASCTIME + ";ERRO;wrapped: java.lang.RuntimeException: java.io.IOException: Broken pipe");
    }

    @Test
    void when_throwableAtDebug_then_stackTraceFollowsTheLineInOneWrite() {
        captured.control.setLevel(LogLevel.DEBUG);

        logger.log(WARNING, "connection to supv02 lost", new IOException("Connection reset"));

        String text = captured.stderr();
        assertThat(text).startsWith(ASCTIME + ";WARN;connection to supv02 lost\n"
                + "java.io.IOException: Connection reset\n\tat ");
        assertThat(text).contains("LogControlTest.when_throwableAtDebug_then_stackTraceFollowsTheLineInOneWrite")
                .endsWith("\n").doesNotEndWith("\n\n");
    }

    @Test
    void when_messageIsNull_then_nullIsWritten() {
        logger.log(INFO, (String) null);

        assertThat(captured.stderrLines()).containsExactly(ASCTIME + ";INFO;null");
    }
}
