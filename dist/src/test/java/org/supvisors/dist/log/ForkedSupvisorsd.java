package org.supvisors.dist.log;

import java.nio.file.Path;
import java.util.logging.Logger;

import org.supvisors.core.config.LogLevel;

/**
 * A {@code main} run in a fresh JVM by {@link SupvisorsLoggerFinderTest}: installs logging as the composition root
 * does, then logs through {@code System.Logger} and {@code java.util.logging}. Argument: a log file, or none.
 */
final class ForkedSupvisorsd {

    private ForkedSupvisorsd() {
    }

    public static void main(String[] args) {
        LogControl log = LogControl.install();
        System.Logger logger = System.getLogger("org.supvisors.dist.Supvisorsd");
        logger.log(System.Logger.Level.INFO, "early start-up on port {0}", 60000);
        logger.log(System.Logger.Level.DEBUG, "early debug dropped");
        Logger.getLogger("org.apache.xmlrpc.client.XmlRpcClient").warning("jul warning");
        Logger.getLogger("io.netty.util.internal.PlatformDependent").info("netty info dropped");
        LogDestination destination = args.length == 0 ? LogDestination.stderr()
                : LogDestination.file(Path.of(args[0]), 0, 0);
        log.configure(destination, LogLevel.DEBUG, "Supvisors Tests");
        Logger.getLogger("io.netty.util.internal.PlatformDependent").fine("netty debug kept");
        logger.log(System.Logger.Level.DEBUG, "configured");
        System.out.flush();
    }
}
