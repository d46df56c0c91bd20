package org.supvisors.transport.discovery;

/** A datagram received on the multicast group that is no valid announcement; the message says why. */
public final class MalformedAnnouncementException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedAnnouncementException(String reason) {
        super(reason);
    }
}
