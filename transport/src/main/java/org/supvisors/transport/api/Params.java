package org.supvisors.transport.api;

import java.util.List;
import java.util.Locale;

import org.supvisors.core.api.Fault;
import org.supvisors.core.api.PythonRepr;
import org.supvisors.core.api.SupvisorsFault;
import org.supvisors.core.api.WireEnum;
import org.supvisors.core.config.LogLevel;

/** Checks and conversions of XML-RPC parameters, refusing with {@code INCORRECT_PARAMETERS}. */
final class Params {

    private Params() {
    }

    static String string(List<Object> params, int index, String name) {
        Object value = params.get(index);
        if (!(value instanceof String)) {
            throw new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "invalid " + name + "=" + PythonRepr.value(value)
                    + " type=" + PythonRepr.type(value) + " - type string expected");
        }
        return (String) value;
    }

    /** An optional string parameter. */
    static String string(List<Object> params, int index, String name, String defaultValue) {
        return params.size() > index ? string(params, index, name) : defaultValue;
    }

    /** A boolean; XML-RPC clients may send 0/1 as int, which Python accepts as truth values. */
    static boolean bool(List<Object> params, int index, String name, boolean defaultValue) {
        if (params.size() <= index) {
            return defaultValue;
        }
        Object value = params.get(index);
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Integer) {
            return (Integer) value != 0;
        }
        throw new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "invalid " + name + "=" + PythonRepr.value(value)
                + " type=" + PythonRepr.type(value) + " - type boolean expected");
    }

    /** A float; XML-RPC clients may send an int where Python accepts a number. */
    static double real(List<Object> params, int index, String name) {
        Object value = params.get(index);
        if (value instanceof Double) {
            return (Double) value;
        }
        if (value instanceof Integer) {
            return (Integer) value;
        }
        throw new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "invalid " + name + "=" + PythonRepr.value(value)
                + " type=" + PythonRepr.type(value) + " - type float expected");
    }

    /** A required boolean (0/1 accepted as for {@link #bool(List, int, String, boolean)}). */
    static boolean bool(List<Object> params, int index, String name) {
        return bool(params, index, name, false);
    }

    /**
     * An enumeration given by its exact name or by its code, with 0.19's messages naming the Python enum class
     * (e.g. {@code <enum 'StartingStrategies'>}).
     */
    /** A starting strategy (0.19's {@code StartingStrategies}). */
    static org.supvisors.core.strategy.StartingStrategy startingStrategy(Object value) {
        return enumeration(value, org.supvisors.core.strategy.StartingStrategy.class, "StartingStrategies");
    }

    static <E extends Enum<E> & WireEnum> E enumeration(Object value, Class<E> type, String pythonName) {
        String klass = "<enum '" + pythonName + "'>";
        if (value instanceof String) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            throw new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "invalid " + klass + " value=" + value
                    + " - string expected in " + PythonRepr.list(WireEnum.names(type)));
        }
        if (value instanceof Integer) {
            for (E constant : type.getEnumConstants()) {
                if (constant.code() == (Integer) value) {
                    return constant;
                }
            }
            throw new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "invalid " + klass + " value=" + value
                    + " - integer expected in " + PythonRepr.list(WireEnum.codes(type)));
        }
        throw new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "invalid " + klass + " value="
                + PythonRepr.value(value) + " type=" + PythonRepr.type(value) + " - type string or integer expected");
    }

    /** A Supervisor log level, by name (any case) or number, with 0.19's messages. */
    static LogLevel logLevel(Object value) {
        if (value instanceof String) {
            LogLevel level = LogLevel.fromDescription((String) value);
            if (level == null) {
                throw new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "invalid logger value=" + value
                        + " - string expected in " + PythonRepr.list(descriptions()));
            }
            return level;
        }
        if (value instanceof Integer) {
            LogLevel level = LogLevel.fromNumber((Integer) value);
            if (level == null) {
                throw new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "invalid logger value=" + value
                        + " - integer expected in " + PythonRepr.list(numbers()));
            }
            return level;
        }
        throw new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "invalid logger value=" + PythonRepr.value(value)
                + " type=" + PythonRepr.type(value) + " - type string or integer expected");
    }

    private static List<String> descriptions() {
        return java.util.Arrays.stream(LogLevel.values()).map(LogLevel::description)
                .map(d -> d.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toList());
    }

    private static List<Integer> numbers() {
        return java.util.Arrays.stream(LogLevel.values()).map(LogLevel::number)
                .collect(java.util.stream.Collectors.toList());
    }
}
