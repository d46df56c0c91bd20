package org.supvisors.bench.workload;

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

    /** How many times {@code token} occurs in {@code text}. */
    public static int count(String text, String token) {
        int count = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) {
            count++;
        }
        return count;
    }
}
