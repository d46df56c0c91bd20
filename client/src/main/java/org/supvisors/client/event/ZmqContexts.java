package org.supvisors.client.event;

import org.zeromq.ZContext;

/**
 * The JeroMQ context of the subscribers that were given none: one for the whole JVM, created at first use, never
 * closed (its two threads are daemons). One context, because JeroMQ 0.6.0 loses a subscription now and then when
 * several contexts of one JVM talk to each other: measured here, 3 of 40 SUB connections to a PUB of another
 * context in the same JVM never received anything, none with a shared context or across processes.
 */
final class ZmqContexts {

    private static ZContext shared;

    private ZmqContexts() {
    }

    static synchronized ZContext shared() {
        if (shared == null) {
            shared = new ZContext(1);
        }
        return shared;
    }
}
