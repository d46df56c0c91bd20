package org.supvisors.transport.supervisord;

import java.util.Optional;

import org.supvisors.core.api.Fault;

/**
 * supervisord refused a call with an XML-RPC fault, e.g. {@code BAD_NAME} (10) for an unknown process. Supervisor's
 * fault strings read {@code NAME: detail} or {@code NAME}.
 */
public final class SupervisordFaultException extends SupervisordException {

    private final int code;
    private final String faultString;

    SupervisordFaultException(String url, String method, String argument, int code, String faultString) {
        super(url, method, method + "(" + argument + "): " + describe(code, faultString) + " at " + url, null);
        this.code = code;
        this.faultString = faultString;
    }

    /** The fault code, e.g. 10. */
    public int code() {
        return code;
    }

    /** The fault, if the code is one Supervisor defines. */
    public Optional<Fault> fault() {
        return Optional.ofNullable(Fault.fromCode(code));
    }

    /** The fault string as supervisord sent it, e.g. {@code BAD_NAME: web}. */
    public String faultString() {
        return faultString;
    }

    /** The detail after the fault name, e.g. {@code web} for {@code BAD_NAME: web}; empty if none. */
    public String detail() {
        int colon = faultString.indexOf(": ");
        return colon < 0 ? "" : faultString.substring(colon + 2);
    }

    private static String describe(int code, String faultString) {
        Fault fault = Fault.fromCode(code);
        String prefix = fault == null ? "fault " + code : fault.name() + " (" + code + ")";
        if (fault != null && faultString.startsWith(fault.name())) {
            String detail = faultString.substring(fault.name().length());
            return prefix + (detail.startsWith(": ") ? detail : detail.isEmpty() ? "" : ": " + detail);
        }
        return prefix + ": " + faultString;
    }
}
