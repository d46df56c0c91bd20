package org.supvisors.client.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Lookups of the enumerations of the wire by code and by name, with the house form of error message. */
final class WireCodes {

    private WireCodes() {
    }

    static <E extends Enum<E>> E byCode(Class<E> type, ToIntFunction<E> code, int value) {
        for (E constant : type.getEnumConstants()) {
            if (code.applyAsInt(constant) == value) {
                return constant;
            }
        }
        List<Integer> codes = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            codes.add(code.applyAsInt(constant));
        }
        throw new IllegalArgumentException(type.getSimpleName() + ": " + value + " (expected: one of " + codes + ")");
    }

    static <E extends Enum<E>> E byName(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        throw new IllegalArgumentException(type.getSimpleName() + ": " + name + " (expected: one of " + names + ")");
    }
}
