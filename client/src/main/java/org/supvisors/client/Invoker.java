package org.supvisors.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Calls a method with the timeout its kind deserves and checks the type of the answer: the machinery shared by the
 * three namespaces. A call "waits" when made with {@code wait = true}: it is then bounded by the wait timeout
 * instead of the read timeout.
 */
final class Invoker {

    private final XmlRpcTransport transport;
    private final Duration readTimeout;
    private final Duration waitTimeout;

    Invoker(XmlRpcTransport transport, Duration readTimeout, Duration waitTimeout) {
        this.transport = transport;
        this.readTimeout = readTimeout;
        this.waitTimeout = waitTimeout;
    }

    /** The URL called. */
    URI url() {
        return transport.url();
    }

    /** The untyped answer, with an explicit timeout ({@code null}: none). */
    Object call(Duration timeout, String method, List<?> params) throws XmlRpcFault, CommunicationException {
        return transport.call(method, params, timeout);
    }

    /** The untyped answer of a call that answers at once, or that waits when {@code wait}. */
    Object answer(boolean wait, String method, Object... params) throws XmlRpcFault, CommunicationException {
        return transport.call(method, Arrays.asList(params), wait ? waitTimeout : readTimeout);
    }

    String string(String method, Object... params) throws XmlRpcFault, CommunicationException {
        return as(method, answer(false, method, params), String.class, "string");
    }

    int integer(String method, Object... params) throws XmlRpcFault, CommunicationException {
        return as(method, answer(false, method, params), Integer.class, "int");
    }

    boolean bool(String method, Object... params) throws XmlRpcFault, CommunicationException {
        return waitingBool(false, method, params);
    }

    boolean waitingBool(boolean wait, String method, Object... params) throws XmlRpcFault, CommunicationException {
        return as(method, answer(wait, method, params), Boolean.class, "boolean");
    }

    /** A struct answer, decoded by {@code decoder} (a record's {@code fromMap}). */
    <T> T struct(Function<Map<String, ?>, T> decoder, String method, Object... params)
            throws XmlRpcFault, CommunicationException {
        return decode(method, map(method, answer(false, method, params)), decoder);
    }

    /** An array-of-structs answer, each decoded by {@code decoder}. */
    <T> List<T> structs(Function<Map<String, ?>, T> decoder, String method, Object... params)
            throws XmlRpcFault, CommunicationException {
        return waitingStructs(false, decoder, method, params);
    }

    <T> List<T> waitingStructs(boolean wait, Function<Map<String, ?>, T> decoder, String method, Object... params)
            throws XmlRpcFault, CommunicationException {
        List<T> result = new ArrayList<>();
        for (Object item : list(method, answer(wait, method, params))) {
            result.add(decode(method, map(method, item), decoder));
        }
        return Collections.unmodifiableList(result);
    }

    /** Any other answer, decoded by {@code decoder} (a record's {@code fromValue}). */
    <T> T value(Function<Object, T> decoder, String method, Object... params)
            throws XmlRpcFault, CommunicationException {
        return decode(method, answer(false, method, params), decoder);
    }

    List<String> strings(String method, Object value) throws CommunicationException {
        List<String> result = new ArrayList<>();
        for (Object item : list(method, value)) {
            result.add(as(method, item, String.class, "array of strings"));
        }
        return Collections.unmodifiableList(result);
    }

    List<?> list(String method, Object value) throws CommunicationException {
        return as(method, value, List.class, "array");
    }

    @SuppressWarnings("unchecked")
    Map<String, ?> map(String method, Object value) throws CommunicationException {
        return as(method, value, Map.class, "struct");
    }

    /** The answer is not what {@code method} returns. */
    CommunicationException unexpected(String method, String detail) {
        return transport.unexpected(method, detail, null);
    }

    /** {@code value} decoded by {@code decoder}; its {@code IllegalArgumentException} is an unexpected answer. */
    <V, T> T decode(String method, V value, Function<V, T> decoder) throws CommunicationException {
        try {
            return decoder.apply(value);
        } catch (IllegalArgumentException e) {
            throw transport.unexpected(method, e.getMessage(), e);
        }
    }

    private <T> T as(String method, Object value, Class<T> type, String expected) throws CommunicationException {
        if (!type.isInstance(value)) {
            String text = String.valueOf(value);
            throw transport.unexpected(method, (text.length() > 80 ? text.substring(0, 77) + "..." : text)
                    + " (expected: " + expected + ")", null);
        }
        return type.cast(value);
    }
}
