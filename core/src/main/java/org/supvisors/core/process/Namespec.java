package org.supvisors.core.process;

/**
 * The textual name of a process: {@code group:process}, or {@code process} when both names are equal;
 * {@code group:*} or {@code group:} designate every process of the group.
 *
 * @param group the group (application) name
 * @param process the process name, or {@code null} for every process of the group
 */
public record Namespec(String group, String process) {

    /** Splits as Supervisor does: before the first {@code :} is the group, the rest the process. */
    public static Namespec parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new Namespec(text, text);
        }
        String group = text.substring(0, colon);
        String process = text.substring(colon + 1);
        return new Namespec(group, process.isEmpty() || process.equals("*") ? null : process);
    }

    /** {@code group:name}, or {@code name} when both are equal. */
    public static String of(String group, String name) {
        return group.equals(name) ? name : group + ":" + name;
    }

    /** True when the text designates every process of the group. */
    public boolean isGroup() {
        return process == null;
    }
}
