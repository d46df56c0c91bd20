package org.supvisors.core.api;

/**
 * How a control call answers when it may answer later ({@code wait=True}): exactly one of the two methods is
 * called once, on the core's thread.
 */
public interface Reply {

    void value(Object value);

    void fault(SupvisorsFault fault);
}
