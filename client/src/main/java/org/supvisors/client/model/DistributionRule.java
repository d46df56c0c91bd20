package org.supvisors.client.model;

/**
 * How the processes of an application may be spread (0.19's {@code DistributionRules}).
 */
public enum DistributionRule {
    /** Each process on any instance allowed by its rules. */
    ALL_INSTANCES(0),
    /** Every process of the application on one instance. */
    SINGLE_INSTANCE(1),
    /** Every process of the application on one node. */
    SINGLE_NODE(2);

    private final int code;

    DistributionRule(int code) {
        this.code = code;
    }

    /** The numeric value of the wire (0.19's). */
    public int code() {
        return code;
    }

    /**
     * The constant with this wire code.
     *
     * @throws IllegalArgumentException naming the value and the expected codes
     */
    public static DistributionRule fromCode(int code) {
        return WireCodes.byCode(DistributionRule.class, DistributionRule::code, code);
    }

    /**
     * The constant with this wire name, exactly (case-sensitive, as 0.19 compares them).
     *
     * @throws IllegalArgumentException naming the value and the expected names
     */
    public static DistributionRule fromName(String name) {
        return WireCodes.byName(DistributionRule.class, name);
    }
}
