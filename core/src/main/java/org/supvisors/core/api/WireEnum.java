package org.supvisors.core.api;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An enumeration of the wire contract: constants spell the wire names exactly and carry their wire code.
 */
public interface WireEnum {

    /** The numeric value of the wire. */
    int code();

    /** The wire name (the constant name). */
    String name();

    /**
     * The constant with this code.
     *
     * @throws IllegalArgumentException naming the enumeration, the value and the expected codes
     */
    static <E extends Enum<E> & WireEnum> E fromCode(Class<E> type, int code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code() == code) {
                return constant;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + ": " + code + " (expected: one of " + codes(type) + ")");
    }

    /**
     * The constant with this name, exactly (case-sensitive, as 0.19's XML-RPC does).
     *
     * @throws IllegalArgumentException naming the enumeration, the value and the expected names
     */
    static <E extends Enum<E> & WireEnum> E fromName(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + ": " + name + " (expected: one of " + names(type) + ")");
    }

    /** The constant names in declaration order. */
    static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toList());
    }

    /** The codes in declaration order. */
    static <E extends Enum<E> & WireEnum> List<Integer> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::code).collect(Collectors.toList());
    }
}
