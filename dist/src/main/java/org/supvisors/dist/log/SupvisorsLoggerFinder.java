package org.supvisors.dist.log;

import java.time.Clock;
import java.util.Objects;

/**
 * The {@link System.LoggerFinder} service of Supvisors (declared in
 * {@code META-INF/services/java.lang.System$LoggerFinder}): every {@link System#getLogger} of the process, in every
 * module and in the JDK itself, returns a logger writing to this finder's {@link LogControl}.
 *
 * <p>Public with a public constructor only because {@link java.util.ServiceLoader} requires it: nothing else
 * should create one. The JDK creates it once, on the first {@code System.getLogger}, and keeps it in a static
 * field for the life of the JVM. That is the one process-wide backend of this package, reached by
 * {@link LogControl#install()}.
 */
public final class SupvisorsLoggerFinder extends System.LoggerFinder {

    private final LogControl control = new LogControl(() -> System.err, Clock.systemDefaultZone());

    /** Called by {@link java.util.ServiceLoader}. */
    public SupvisorsLoggerFinder() {
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        Objects.requireNonNull(module, "module");
        return new SupvisorsLogger(name, control);
    }

    LogControl control() {
        return control;
    }
}
