package org.supvisors.rules;

import java.util.List;

/**
 * The rules files cannot be used: one of them is unreadable, not well-formed, does not validate against the schema,
 * or holds a pattern that is not a regular expression. The agent refuses to start (unlike 0.19, which then runs with
 * no rule at all). Every problem found in every file is listed, one line each, {@code file:line:column: reason}.
 */
public final class InvalidRulesException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidRulesException(List<String> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order then document order; each names its file, line, column and element. */
    public List<String> problems() {
        return problems;
    }

    private static String summary(List<String> problems) {
        StringBuilder text = new StringBuilder("invalid rules files (").append(problems.size())
                .append(problems.size() == 1 ? " problem):" : " problems):");
        problems.forEach(problem -> text.append(System.lineSeparator()).append("  ").append(problem));
        return text.toString();
    }
}
