package org.supvisors.transport.supervisord;

import org.supvisors.core.supervisor.SupervisordEvent;

/**
 * Where an {@link EventListenerChannel} hands what it learns from supervisord.
 *
 * <p>Contract: every method is called on the channel's own thread, one call at a time, in the order supervisord
 * sent the events. A method must not block (supervisord sends nothing else to the listener meanwhile) and should
 * not throw: put the message on the agent's queue and return. An exception thrown is logged and the channel goes on
 * with the next event.
 */
public interface SupervisordEventSink {

    /** A new event of a type the agent uses, already acknowledged to supervisord; never a duplicate. */
    void onEvent(SupervisordEvent event);

    /**
     * supervisord dropped events meant for this listener (its pool's buffer overflowed): the pool serials
     * {@code firstLost..lastLost} never arrived. What they said is lost: the agent should read the processes again
     * from supervisord's XML-RPC. Called before the event that revealed the loss.
     */
    void onEventsLost(long firstLost, long lastLost);

    /**
     * The input ended or broke (supervisord exited or closed the pipe) while the channel was not closed: no event
     * will follow. The channel's thread ends after this call.
     */
    void onEndOfInput();
}
