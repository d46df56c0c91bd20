package org.supvisors.core.strategy;

import org.supvisors.core.api.WireEnum;

/** How the processes of an application may be spread over instances. */
public enum DistributionRule implements WireEnum {
    /** Each process is placed on its own. */
    ALL_INSTANCES(0),
    /** All processes on one instance. */
    SINGLE_INSTANCE(1),
    /** All processes on one node. */
    SINGLE_NODE(2);

    private final int code;

    DistributionRule(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
