package org.supvisors.bench.command;

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
}
