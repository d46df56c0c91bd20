package org.supvisors.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.supvisors.client.CommunicationException.Reason;

/**
 * What both transports make of an HTTP answer, and the failures they report alike: each exception names the URL and
 * the method called.
 */
final class HttpAnswer {

    private HttpAnswer() {
    }

    /**
     * The value of an answer: HTTP 200 with a {@code methodResponse}.
     *
     * @param credentials whether the call carried credentials (a 401 then means wrong ones)
     * @throws XmlRpcFault when the answer is a fault
     * @throws CommunicationException on another HTTP status, or an answer that is not XML-RPC
     */
    static Object decode(URI url, String method, int status, byte[] body, boolean credentials)
            throws XmlRpcFault, CommunicationException {
        if (status == 401) {
            throw new CommunicationException(url, method, Reason.UNAUTHORIZED, status, url + ": HTTP 401"
                    + " Unauthorized: " + (credentials ? "wrong user name or password"
                    : "the server requires a user name and password"), null);
        }
        if (status != 200) {
            throw new CommunicationException(url, method, Reason.HTTP_STATUS, status, url + ": HTTP " + status
                    + " answering " + method + excerpt(body), null);
        }
        try {
            return XmlRpcResponseReader.read(body);
        } catch (XmlRpcResponseReader.RemoteFault fault) {
            throw new XmlRpcFault(url, method, fault.code, fault.faultString);
        } catch (XmlRpcResponseReader.MalformedResponse e) {
            throw unexpected(url, method, e.getMessage(), e);
        }
    }

    /** The answer is not what {@code method} returns. */
    static CommunicationException unexpected(URI url, String method, String detail, Throwable cause) {
        return new CommunicationException(url, method, Reason.UNEXPECTED_RESPONSE, url + ": unexpected answer to "
                + method + ": " + detail, cause);
    }

    /** The client was closed before the call was sent. */
    static CommunicationException notSent(URI url, String method, Throwable cause) {
        return new CommunicationException(url, method, Reason.CLOSED, url + ": client closed, " + method
                + " not sent", cause);
    }

    /** No complete answer within the timeout of the call. */
    static CommunicationException readTimeout(URI url, String method, Duration timeout, Throwable cause) {
        return new CommunicationException(url, method, Reason.READ_TIMEOUT, url + ": no answer to " + method
                + " within " + Durations.text(timeout) + " (timeout of the call)", cause);
    }

    /** The first line of a body, shortened, after {@code ": "}; nothing for an empty body. */
    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
        if (text.isEmpty()) {
            return "";
        }
        return ": " + shorten(text);
    }

    /** A text cut at 120 characters. */
    static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
