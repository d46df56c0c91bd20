/**
 * The logging backend of {@code supvisorsd}: every {@link java.lang.System.Logger} of every module, and
 * {@code java.util.logging} (Netty's fallback, the Apache XML-RPC client), written in 0.19's line format
 * {@code [<software_name>;]YYYY-MM-DD HH:MM:SS,mmm;LEVL;message} to standard error (option {@code logfile=AUTO},
 * captured by supervisord) or to a rotating file. Standard output is never written: it belongs to the
 * event-listener protocol.
 *
 * <p>The composition root calls {@link org.supvisors.dist.log.LogControl#install()} first thing in {@code main},
 * then {@link org.supvisors.dist.log.LogControl#configure(org.supvisors.core.config.SupvisorsOptions)} once the
 * options are read; {@code supvisors.change_log_level} calls
 * {@link org.supvisors.dist.log.LogControl#setLevel(org.supvisors.core.config.LogLevel)}.
 *
 * <p>Global state: the JDK creates {@link org.supvisors.dist.log.SupvisorsLoggerFinder} once, through
 * {@link java.util.ServiceLoader}, and keeps it for the life of the JVM; its {@code LogControl} is therefore the
 * one backend of the process. {@code install()} also puts a handler on the {@code java.util.logging} root logger.
 * There is no other static mutable state in this package.
 */
package org.supvisors.dist.log;
