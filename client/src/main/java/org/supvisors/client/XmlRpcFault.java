package org.supvisors.client;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server answered the call with an XML-RPC fault: a {@code faultCode} and a {@code faultString} of the form
 * {@code NAME: text} (or the bare {@code NAME}). The codes and names are 0.19's ({@link FaultCode}); a code
 * outside them still gives its name when the fault string starts with one.
 *
 * <pre>{@code
 * try {
 *     client.supvisors().startApplication(StartingStrategy.CONFIG, "web");
 * } catch (XmlRpcFault fault) {
 *     if (fault.is(FaultCode.ALREADY_STARTED)) { ... }
 * }
 * }</pre>
 */
public final class XmlRpcFault extends SupvisorsClientException {

    private static final long serialVersionUID = 1L;
    private static final Pattern NAMED = Pattern.compile("([A-Z][A-Z0-9_]*)(?::\\s?(.*))?", Pattern.DOTALL);

    /** The {@code faultCode}. */
    private final int code;
    /** The {@code faultString}. */
    private final String faultString;

    /**
     * A fault as the server sent it.
     *
     * @param url the endpoint called
     * @param method the method called
     * @param code the {@code faultCode}
     * @param faultString the {@code faultString}
     */
    public XmlRpcFault(URI url, String method, int code, String faultString) {
        super(url, method, method + ": " + faultString + " (fault " + code + ")", null);
        this.code = code;
        this.faultString = faultString;
    }

    /** The {@code faultCode}. */
    public int code() {
        return code;
    }

    /** The {@code faultString}, as sent ({@code BAD_NAME: application=web unknown to Supvisors}). */
    public String faultString() {
        return faultString;
    }

    /** The fault code as a constant; empty for a code that 0.19 does not define. */
    public Optional<FaultCode> faultCode() {
        return FaultCode.fromCode(code);
    }

    /** Whether this fault has the code of {@code fault}. */
    public boolean is(FaultCode fault) {
        return code == fault.code();
    }

    /**
     * The name of the fault: the {@link FaultCode}'s for a known code, else the {@code NAME} that starts the fault
     * string, else {@code ""}.
     */
    public String faultName() {
        Optional<FaultCode> known = faultCode();
        if (known.isPresent()) {
            return known.get().name();
        }
        Matcher m = NAMED.matcher(faultString);
        return m.matches() ? m.group(1) : "";
    }

    /**
     * The text after the name: {@code application=web unknown to Supvisors} for
     * {@code BAD_NAME: application=web unknown to Supvisors}, {@code ""} for a bare {@code INCORRECT_PARAMETERS}, the
     * whole fault string when it does not start with the fault's name.
     */
    public String text() {
        String name = faultName();
        if (name.isEmpty() || !faultString.startsWith(name)) {
            return faultString;
        }
        String rest = faultString.substring(name.length());
        if (rest.isEmpty()) {
            return "";
        }
        if (rest.startsWith(":")) {
            return rest.substring(rest.startsWith(": ") ? 2 : 1);
        }
        return faultString;
    }
}
