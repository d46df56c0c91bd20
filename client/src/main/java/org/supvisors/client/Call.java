package org.supvisors.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One call of a {@code system.multicall}: a method name and its parameters (Java values as
 * {@link SupvisorsClient#call} takes them).
 *
 * @param method the XML-RPC method ({@code supvisors.get_api_version}, {@code supervisor.getState}...)
 * @param params its parameters, in order
 */
public record Call(String method, List<Object> params) {

    /** Checks the method name and copies the parameters into a read-only list ({@code null} elements allowed). */
    public Call {
        Objects.requireNonNull(method, "method");
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    /** A call of {@code method} with {@code params}. */
    public static Call of(String method, Object... params) {
        return new Call(method, Arrays.asList(params));
    }
}
