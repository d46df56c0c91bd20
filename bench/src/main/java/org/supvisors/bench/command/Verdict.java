package org.supvisors.bench.command;

import java.util.List;
import java.util.Locale;

/** The verdict column of the target tables: met, or missed by how much. */
public final class Verdict {

    private Verdict() {
    }

    /** "met", or "missed by 8.43 MiB (+13 %)"; {@code unit} is written after the difference. */
    public static String of(double measured, double limit, String unit) {
        if (measured <= limit) {
            return "met";
        }
        return limit > 0
                ? String.format(Locale.ROOT, "missed by %.3g %s (+%.0f %%)", measured - limit, unit,
                        (measured / limit - 1) * 100)
                : String.format(Locale.ROOT, "missed by %.3g %s", measured - limit, unit);
    }

    /**
     * The verdict on the median of the values of the runs: "met", or "missed by …" with "(median); above the
     * target in k of n runs" when some were above; "missed: not reached in k of n runs" when some runs gave no
     * value.
     */
    public static String ofRuns(List<Double> values, int notReached, double limit, String unit) {
        if (notReached > 0) {
            return "missed: not reached in " + notReached + " of " + (values.size() + notReached) + " runs";
        }
        String verdict = of(Summary.of(values).median(), limit, unit);
        long above = Summary.above(values, limit);
        if (above > 0) {
            verdict += String.format(Locale.ROOT, " (median); above the target in %d of %d runs", above,
                    values.size());
        }
        return verdict;
    }
}
