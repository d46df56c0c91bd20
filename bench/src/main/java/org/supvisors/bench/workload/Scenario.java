package org.supvisors.bench.workload;

/** Whose supervisord the failure scenario kills. */
public enum Scenario {
    NON_MASTER("non-Master", "non-master"),
    MASTER("Master", "master");

    private final String label;
    private final String option;

    Scenario(String label, String option) {
        this.label = label;
        this.option = option;
    }

    public String label() {
        return label;
    }

    public static Scenario ofOption(String text) {
        for (Scenario scenario : values()) {
            if (scenario.option.equals(text)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("--scenarios: " + text + " (expected: non-master, master)");
    }
}
