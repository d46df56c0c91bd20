package org.supvisors.client.model;

/** The textual name of a process. */
final class Namespecs {

    private Namespecs() {
    }

    /** {@code group:process}, or {@code process} when both names are equal (0.19's rule). */
    static String of(String group, String process) {
        return group.equals(process) ? process : group + ":" + process;
    }
}
