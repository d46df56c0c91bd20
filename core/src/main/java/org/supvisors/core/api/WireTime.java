package org.supvisors.core.api;

/** POSIX times on the wire are XML-RPC ints: 32-bit signed, capped. */
public final class WireTime {

    private WireTime() {
    }

    /** The time as an int, capped to the 32-bit signed range. */
    public static int capped(long posixTime) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, posixTime));
    }
}
