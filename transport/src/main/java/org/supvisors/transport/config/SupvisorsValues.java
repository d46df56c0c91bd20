package org.supvisors.transport.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.supvisors.core.config.InstanceDeclaration;
import org.supvisors.core.config.StatisticsType;
import org.supvisors.core.config.SynchronizationOption;

/**
 * The conversions of the {@code [supvisors]} option values, with 0.19's accepted forms and reason texts
 * ({@code SupvisorsOptions.to_*} of {@code supvisors/options.py}). Each throws an {@link InvalidValueException}
 * whose message is the reason; the reader adds the place and decides between the default and a fatal error.
 */
final class SupvisorsValues {

    static final List<String> RESERVED_MULTICAST_ADDRESSES = List.of("224.0.0.0", "232.0.0.0", "233.0.0.0",
            "239.0.0.0");
    /** One item of {@code supvisors_list}, exactly 0.19's regular expression. */
    private static final Pattern INSTANCE_ITEM = Pattern.compile(
            "(<(?<nick>[\\w\\-:.]+)>)?(?<host>[\\w\\-.]+)(:(?<port>\\d{4,5}))?", Pattern.UNICODE_CHARACTER_CLASS);

    private SupvisorsValues() {
    }

    /** Non-empty items of a comma-separated list, without duplicates, in the written order. */
    static List<String> names(String text) {
        LinkedHashSet<String> items = new LinkedHashSet<>(SupervisorDatatypes.listOfStrings(text));
        items.remove("");
        return new ArrayList<>(items);
    }

    /**
     * One item of {@code supvisors_list}: {@code [<nick>]host[:http_port]}, the port written with 4 or 5 digits.
     * The port must also be in 1..65535 (0.19 accepted {@code 0000} or {@code 99999} and failed later).
     */
    static InstanceDeclaration instance(String item) throws InvalidValueException {
        Matcher matcher = INSTANCE_ITEM.matcher(item);
        if (!matcher.matches()) {
            throw new InvalidValueException("could not define a Supvisors identification from \"" + item
                    + "\" (expected: [<nick>]host[:http_port] with an http_port of 4 or 5 digits)");
        }
        Optional<Integer> port = Optional.empty();
        if (matcher.group("port") != null) {
            long value = SupervisorDatatypes.integer(matcher.group("port"));
            if (value < 1 || value > 65535) {
                throw new InvalidValueException("could not define a Supvisors identification from \"" + item
                        + "\" (expected: an http_port in 1..65535)");
            }
            port = Optional.of((int) value);
        }
        return new InstanceDeclaration(item, Optional.ofNullable(matcher.group("nick")), matcher.group("host"),
                port);
    }

    /** {@code multicast_group}: {@code ip:port}, the address in 224.0.0.0–239.255.255.255 and not reserved. */
    static String multicastGroup(String text) throws InvalidValueException {
        String[] parts = text.split(":", 2);
        if (parts.length != 2) {
            throw new InvalidValueException("invalid value for multicast_group: \"" + text + "\"."
                    + " \"ip_address:port\" expected");
        }
        String address = parts[0];
        if (RESERVED_MULTICAST_ADDRESSES.contains(address)) {
            throw new InvalidValueException("reserved multicast address: \"" + address + "\". reserved addresses are "
                    + pythonList(RESERVED_MULTICAST_ADDRESSES));
        }
        if (!isIpv4(address, 224, 239)) {
            throw new InvalidValueException("invalid value for multicast address: \"" + address + "\"."
                    + " IP address expected from 224.0.0.0 to 239.255.255.255");
        }
        return address + ":" + port(parts[1]);
    }

    /** {@code multicast_interface}: an IPv4 address, or empty for {@code ANY} / {@code INADDR_ANY}. */
    static String ipAddress(String text) throws InvalidValueException {
        if (text.equals("ANY") || text.equals("INADDR_ANY")) {
            return "";
        }
        if (!isIpv4(text, 0, 255)) {
            throw new InvalidValueException("invalid value for IP address: \"" + text + "\"");
        }
        return text;
    }

    private static boolean isIpv4(String text, int firstMin, int firstMax) {
        String[] bytes = text.split("\\.", -1);
        if (bytes.length != 4) {
            return false;
        }
        for (int index = 0; index < 4; index++) {
            try {
                long value = SupervisorDatatypes.integer(bytes[index]);
                if (value < (index == 0 ? firstMin : 0) || value > (index == 0 ? firstMax : 255)) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** A port in [1;65535] ({@code event_port}, the port of {@code multicast_group}). */
    static int port(String text) throws InvalidValueException {
        return (int) integer(text, 1, 65535, "invalid value for port: \"" + text + "\"."
                + " integer expected in (1, 65535)");
    }

    static int multicastTtl(String text) throws InvalidValueException {
        return (int) integer(text, 0, 255, "invalid value for multicast_ttl: \"" + text + "\"."
                + " integer expected in (0, 255)");
    }

    static int synchroTimeout(String text) throws InvalidValueException {
        return (int) integer(text, 15, 1200, "invalid value for synchro_timeout: \"" + text + "\"."
                + " integer expected in [15;1200] (seconds)");
    }

    static int inactivityTicks(String text) throws InvalidValueException {
        return (int) integer(text, 2, 720, "invalid value for inactivity_ticks: \"" + text + "\"."
                + " integer expected in [2;720]");
    }

    static int statsHisto(String text) throws InvalidValueException {
        return (int) integer(text, 10, 1500, "invalid value for stats_histo: \"" + text + "\"."
                + " integer expected in [10;1500] (seconds)");
    }

    static long integer(String text, long min, long max, String reason) throws InvalidValueException {
        try {
            long value = SupervisorDatatypes.integer(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the reason below says what is expected
        }
        throw new InvalidValueException(reason);
    }

    /** Supervisor's boolean, with its reason text. */
    static boolean bool(String text) throws InvalidValueException {
        try {
            return SupervisorDatatypes.bool(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(e.getMessage());
        }
    }

    /** A byte size that is not negative (0.19 took negative ones, which made no sense). */
    static long byteSize(String option, String text) throws InvalidValueException {
        try {
            long value = SupervisorDatatypes.byteSize(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the reason below says what is expected
        }
        throw new InvalidValueException("invalid value for " + option + ": \"" + text + "\"."
                + " byte size expected (a non-negative integer with an optional KB, MB or GB suffix)");
    }

    /** An enumeration constant by name, case-insensitive. */
    static <E extends Enum<E>> E constant(Class<E> type, String option, String text) throws InvalidValueException {
        String upper = text.toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(upper)) {
                return constant;
            }
        }
        throw new InvalidValueException("invalid value for " + option + ": \"" + text + "\". expected in "
                + pythonList(constantNames(type)));
    }

    /** {@code synchro_options}: names of {@link SynchronizationOption}, duplicates ignored, empty items dropped. */
    static List<SynchronizationOption> synchroOptions(String text) throws InvalidValueException {
        List<SynchronizationOption> options = new ArrayList<>();
        for (String item : names(text)) {
            SynchronizationOption option;
            try {
                option = SynchronizationOption.valueOf(item.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // 0.19's text, stray parenthesis included
                throw new InvalidValueException("invalid value for synchro_options: \"" + item + "\". expected in "
                        + pythonList(constantNames(SynchronizationOption.class)) + ")");
            }
            if (!options.contains(option)) {
                options.add(option);
            }
        }
        return options;
    }

    /**
     * {@code stats_enabled}: names of {@link StatisticsType} or booleans ({@code true} = ALL, {@code false} = OFF).
     *
     * @return {host statistics enabled, process statistics enabled}
     */
    static boolean[] statsEnabled(String text) throws InvalidValueException {
        List<String> items = SupervisorDatatypes.listOfStrings(text);
        if (items.isEmpty()) {
            throw new InvalidValueException("invalid value for stats_enabled: <empty>");
        }
        List<StatisticsType> types = new ArrayList<>();
        for (String item : items) {
            try {
                types.add(StatisticsType.valueOf(item.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException notAType) {
                try {
                    types.add(SupervisorDatatypes.bool(item) ? StatisticsType.ALL : StatisticsType.OFF);
                } catch (IllegalArgumentException notABoolean) {
                    throw new InvalidValueException("invalid value for stats_enabled: \"" + text + "\". expected in "
                            + pythonList(constantNames(StatisticsType.class)));
                }
            }
        }
        boolean all = types.contains(StatisticsType.ALL);
        return new boolean[] {all || types.contains(StatisticsType.HOST),
            all || types.contains(StatisticsType.PROCESS)};
    }

    static double statsCollectingPeriod(String text) throws InvalidValueException {
        return period(text, "invalid value for stats_collecting_period: \"" + text + "\"."
                + " float expected in [1.0;3600.0] (seconds)");
    }

    /** {@code stats_periods}: 1 to 3 periods in [1;3600] seconds, sorted. */
    static List<Double> statsPeriods(String text) throws InvalidValueException {
        List<String> items = SupervisorDatatypes.listOfStrings(text);
        if (items.isEmpty()) {
            throw new InvalidValueException("unexpected number of stats_periods: 0. minimum is 1");
        }
        if (items.size() > 3) {
            throw new InvalidValueException("unexpected number of stats_periods: " + items.size() + ". maximum is 3");
        }
        List<Double> periods = new ArrayList<>();
        for (String item : items) {
            periods.add(period(item, "invalid value for stats_periods: \"" + item + "\"."
                    + " float expected in [1.0;3600.0] (seconds)"));
        }
        periods.sort(null);
        return periods;
    }

    private static double period(String text, String reason) throws InvalidValueException {
        try {
            double value = SupervisorDatatypes.floating(text);
            if (value >= 1.0 && value <= 3600.0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the reason says what is expected
        }
        throw new InvalidValueException(reason);
    }

    static <E extends Enum<E>> List<String> constantNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toList());
    }

    /** A list as Python prints it: {@code ['A', 'B']}. */
    static String pythonList(List<String> items) {
        return items.stream().map(item -> "'" + item + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
