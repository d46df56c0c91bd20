package org.supvisors.client;

/**
 * The outcome of one call of a {@code system.multicall}: its value, or the fault it raised (a fault does not stop
 * the other calls).
 *
 * @param value the value returned, {@code null} when the call raised a fault
 * @param fault the fault raised, {@code null} when the call returned a value
 */
public record CallResult(Object value, XmlRpcFault fault) {

    /** Whether the call raised a fault. */
    public boolean isFault() {
        return fault != null;
    }

    /**
     * The value of the call.
     *
     * @throws XmlRpcFault the fault the call raised
     */
    public Object get() throws XmlRpcFault {
        if (fault != null) {
            throw fault;
        }
        return value;
    }
}
