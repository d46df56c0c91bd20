package org.supvisors.bench.cluster;

/** Whose supervisord the failure scenario kills. */
enum Scenario {
    NON_MASTER("non-Master", "non-master"),
    MASTER("Master", "master");

    private final String label;
    private final String option;

    Scenario(String label, String option) {
        this.label = label;
        this.option = option;
    }

    String label() {
        return label;
    }

    static Scenario ofOption(String text) {
        for (Scenario scenario : values()) {
            if (scenario.option.equals(text)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("--scenarios: " + text + " (expected: non-master, master)");
    }
}
