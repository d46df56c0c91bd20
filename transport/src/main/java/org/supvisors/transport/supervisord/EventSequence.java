package org.supvisors.transport.supervisord;

import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Which received events are new and which were lost, from the serials of their headers.
 *
 * <ul>
 * <li>Duplicates: in supervisord 4.2.5, one listener answering {@code FAIL} makes supervisord re-queue the event at
 * the head of every pool of the same priority, so a listener may receive an event twice, out of order
 * (serials 65, 67, 66, 67, 68). An event whose {@code serial} was seen among the last {@link #REMEMBERED} is a
 * duplicate.</li>
 * <li>Losses: each pool numbers its events without gaps ({@code poolserial}) and keeps that number when it
 * re-sends one. When the buffer of a pool overflows, supervisord drops the oldest buffered event: a
 * {@code poolserial} beyond the next expected one reveals the loss. A re-sent event may come back after a later
 * one and then fills a gap already reported: a false alarm that only costs the agent a reload.</li>
 * </ul>
 * The first event received sets the base: events numbered before it went to a previous listener process, or were
 * lost before this one started, which the agent's initial load covers.
 *
 * <p>Not thread-safe: used by the channel's thread only.
 */
final class EventSequence {

    /** How many serials are remembered to recognise duplicates. */
    static final int REMEMBERED = 4096;

    private final Set<Long> recentSerials = new LinkedHashSet<>();
    private long highestPoolSerial = -1;

    /** What one received event is. */
    record Admission(boolean duplicate, long firstLost, long lastLost) {

        static final Admission DUPLICATE = new Admission(true, 0, -1);
        static final Admission NEW = new Admission(false, 0, -1);

        /** True when pool serials {@code firstLost..lastLost} were never received. */
        boolean revealsLoss() {
            return lastLost >= firstLost;
        }
    }

    /** Records an event and tells whether it is a duplicate and which events it reveals as lost. */
    Admission admit(long serial, long poolSerial) {
        if (!recentSerials.add(serial)) {
            return Admission.DUPLICATE;
        }
        if (recentSerials.size() > REMEMBERED) {
            Iterator<Long> oldest = recentSerials.iterator();
            oldest.next();
            oldest.remove();
        }
        long expected = highestPoolSerial + 1;
        boolean first = highestPoolSerial < 0;
        if (poolSerial <= highestPoolSerial) {
            return Admission.NEW;
        }
        highestPoolSerial = poolSerial;
        if (first || poolSerial == expected) {
            return Admission.NEW;
        }
        return new Admission(false, expected, poolSerial - 1);
    }
}
