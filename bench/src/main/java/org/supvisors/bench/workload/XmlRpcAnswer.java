package org.supvisors.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmarks read in an agent's XML-RPC answers, found in the text as the agent writes it (one
 * {@code <member>} per line pair, scalar values typed), without decoding the whole document: the timed paths never
 * decode, and the probes only need a few scalars.
 */
public final class XmlRpcAnswer {

    /** The member naming each process of {@code get_all_process_info}. */
    public static final String PROCESS_MEMBER = "<name>process_name</name>";

    private static final Pattern RESULT = Pattern.compile(
            "<param>\\s*<value>\\s*(?:<(?:string|int|i4|i8|boolean|double)>)?([^<]*)");
    private static final Pattern STRUCT_START = Pattern.compile("<value>\\s*<struct>");
    private static final Pattern SCALAR = Pattern.compile(
            "<value>\\s*(?:<(?:string|int|i4|i8|boolean|double)>)?([^<]*)");

    private XmlRpcAnswer() {
    }

    /** True when the answer is a {@code <fault>}. */
    public static boolean isFault(String body) {
        return body.contains("<fault>");
    }

    /**
     * The scalar value of the first struct member {@code name} (typed or untyped, entities of plain names left
     * as they are), or empty when there is none.
     */
    public static Optional<String> member(String body, String name) {
        Matcher matcher = Pattern.compile("<name>" + Pattern.quote(name)
                + "</name>\\s*<value>\\s*(?:<(?:string|int|i4|i8|boolean|double)>)?([^<]*)").matcher(body);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * The scalar result of a call ({@code <param>}'s value: "1" for true), or the fault as "fault CODE TEXT";
     * "?" when neither is found.
     */
    public static String result(String body) {
        if (isFault(body)) {
            return "fault " + member(body, "faultCode").orElse("?") + " " + member(body, "faultString").orElse("");
        }
        Matcher value = RESULT.matcher(body);
        return value.find() ? value.group(1) : "?";
    }

    /** How many times {@code token} occurs in {@code text}. */
    public static int count(String text, String token) {
        int count = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) {
            count++;
        }
        return count;
    }

    /**
     * The texts of the structs of an answer, in order, each from its {@code <struct>} to the next one: for an array
     * of flat structs (members scalars or arrays of scalars), one text per struct.
     */
    public static List<String> structs(String body) {
        List<String> structs = new ArrayList<>();
        Matcher matcher = STRUCT_START.matcher(body);
        int start = -1;
        while (matcher.find()) {
            if (start >= 0) {
                structs.add(body.substring(start, matcher.start()));
            }
            start = matcher.start();
        }
        if (start >= 0) {
            structs.add(body.substring(start));
        }
        return structs;
    }

    /** The scalar values of the array member {@code name}, empty when there is no such member. */
    public static List<String> array(String struct, String name) {
        Matcher member = Pattern.compile("<name>" + Pattern.quote(name)
                + "</name>\\s*<value>\\s*<array>\\s*<data>(.*?)</data>", Pattern.DOTALL).matcher(struct);
        List<String> values = new ArrayList<>();
        if (member.find()) {
            Matcher scalar = SCALAR.matcher(member.group(1));
            while (scalar.find()) {
                values.add(scalar.group(1));
            }
        }
        return values;
    }
}
