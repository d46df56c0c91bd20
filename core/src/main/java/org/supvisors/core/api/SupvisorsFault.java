package org.supvisors.core.api;

/**
 * A refusal that becomes an XML-RPC fault: {@code faultCode} is the fault code and {@code faultString} is
 * {@code "<NAME>: <text>"}, or the bare name when there is no text (as Supervisor does).
 */
public final class SupvisorsFault extends RuntimeException {

    private final Fault fault;
    private final String text;

    public SupvisorsFault(Fault fault, String text) {
        super(text == null || text.isEmpty() ? fault.name() : fault.name() + ": " + text, null, false, false);
        this.fault = fault;
        this.text = text == null ? "" : text;
    }

    public SupvisorsFault(Fault fault) {
        this(fault, "");
    }

    public Fault fault() {
        return fault;
    }

    public int code() {
        return fault.code();
    }

    /** The text after the fault name, empty when the fault has none. */
    public String text() {
        return text;
    }

    /** The XML-RPC {@code faultString}. */
    public String faultString() {
        return getMessage();
    }
}
