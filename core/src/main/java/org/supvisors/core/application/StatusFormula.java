package org.supvisors.core.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The operational status formula of an application ({@code operational_status} in the rules), a Python
 * expression of which the evaluable part is: string literals, {@code and}, {@code or}, {@code not}, parentheses
 * and {@code all(x)} / {@code any(x)} with one argument (rules.md, "Operational status formula").
 *
 * <p>A string is a process name of the application, or else a regular expression matched against whole process
 * names: one match gives that process's status, several give a list (for {@code all}/{@code any} only), none is
 * an error. Any other construct is an error too, found when the formula is evaluated, as 0.19 finds it; an
 * error means a major failure. Whether the text is Python at all is checked when the rules are loaded.
 */
public final class StatusFormula {

    private final String text;
    private final Node root;
    private final String unsupported;

    private StatusFormula(String text, Node root, String unsupported) {
        this.text = text;
        this.root = root;
        this.unsupported = unsupported;
    }

    /** Reads a formula; never fails: what cannot be evaluated is reported by {@link #evaluate}. */
    public static StatusFormula parse(String text) {
        try {
            Parser parser = new Parser(text);
            Node root = parser.formula();
            return new StatusFormula(text, root, null);
        } catch (Unsupported e) {
            return new StatusFormula(text, null, e.getMessage());
        }
    }

    public String text() {
        return text;
    }

    /**
     * The value of the formula.
     *
     * @param statuses the status of every process of the application, by process name, in the application's order:
     *     true when its displayed state is STARTING, RUNNING or BACKOFF, or EXITED as expected
     * @return true when the application is operational (no major failure)
     * @throws EvaluationError when the formula cannot be evaluated against these processes
     */
    public boolean evaluate(Map<String, Boolean> statuses) throws EvaluationError {
        if (root == null) {
            throw new EvaluationError(unsupported);
        }
        Object value = root.evaluate(statuses);
        if (!(value instanceof Boolean)) {
            throw new EvaluationError("the formula gives several statuses, not one: use all() or any()");
        }
        return (Boolean) value;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Why a formula cannot be evaluated. */
    public static final class EvaluationError extends Exception {
        private static final long serialVersionUID = 1L;

        EvaluationError(String message) {
            super(message, null, false, false);
        }
    }

    /** A construct outside the evaluable subset, found while reading. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private interface Node {
        /** A Boolean, or a List of Booleans (several processes matched). */
        Object evaluate(Map<String, Boolean> statuses) throws EvaluationError;
    }

    private record Operand(String value) implements Node {
        @Override
        public Object evaluate(Map<String, Boolean> statuses) throws EvaluationError {
            Boolean exact = statuses.get(value);
            if (exact != null) {
                return exact;
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new EvaluationError("'" + value + "' is neither a process name nor a valid regular expression");
            }
            List<Boolean> matched = new ArrayList<>();
            for (Map.Entry<String, Boolean> entry : statuses.entrySet()) {
                if (pattern.matcher(entry.getKey()).matches()) {
                    matched.add(entry.getValue());
                }
            }
            if (matched.isEmpty()) {
                throw new EvaluationError("no process matches '" + value + "'");
            }
            return matched.size() == 1 ? matched.get(0) : List.copyOf(matched);
        }
    }

    private record Quantifier(boolean all, Node argument) implements Node {
        @Override
        public Object evaluate(Map<String, Boolean> statuses) throws EvaluationError {
            Object value = argument.evaluate(statuses);
            List<?> values = value instanceof List ? (List<?>) value : List.of(value);
            for (Object each : values) {
                if ((Boolean) each != all) {
                    return !all;
                }
            }
            return all;
        }
    }

    private record Junction(boolean and, List<Node> operands) implements Node {
        @Override
        public Object evaluate(Map<String, Boolean> statuses) throws EvaluationError {
            List<Boolean> values = new ArrayList<>();
            for (Node operand : operands) {
                values.add(bool(operand.evaluate(statuses), and ? "and" : "or"));
            }
            return and ? !values.contains(false) : values.contains(true);
        }
    }

    private record Negation(Node operand) implements Node {
        @Override
        public Object evaluate(Map<String, Boolean> statuses) throws EvaluationError {
            return !bool(operand.evaluate(statuses), "not");
        }
    }

    private static boolean bool(Object value, String operator) throws EvaluationError {
        if (!(value instanceof Boolean)) {
            throw new EvaluationError("'" + operator + "' applies to one status, not to several: use all() or any()");
        }
        return (Boolean) value;
    }

    /**
     * A recursive-descent reader of the evaluable subset of Python expressions:
     * <pre>
     * formula := disjunction END
     * disjunction := conjunction ('or' conjunction)*
     * conjunction := negation ('and' negation)*
     * negation := 'not' negation | primary
     * primary := STRING+ | ('all' | 'any') '(' disjunction [','] ')' | '(' disjunction ')'
     * </pre>
     */
    private static final class Parser {
        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        Node formula() {
            skipBlanks();
            if (position == text.length()) {
                throw new Unsupported("the formula is empty");
            }
            Node node = disjunction();
            skipBlanks();
            if (position < text.length()) {
                throw new Unsupported("unsupported expression at '" + rest() + "'");
            }
            return node;
        }

        private Node disjunction() {
            List<Node> operands = new ArrayList<>(List.of(conjunction()));
            while (keyword("or")) {
                operands.add(conjunction());
            }
            return operands.size() == 1 ? operands.get(0) : new Junction(false, operands);
        }

        private Node conjunction() {
            List<Node> operands = new ArrayList<>(List.of(negation()));
            while (keyword("and")) {
                operands.add(negation());
            }
            return operands.size() == 1 ? operands.get(0) : new Junction(true, operands);
        }

        private Node negation() {
            if (keyword("not")) {
                return new Negation(negation());
            }
            return primary();
        }

        private Node primary() {
            skipBlanks();
            if (position == text.length()) {
                throw new Unsupported("the formula ends too early");
            }
            char c = text.charAt(position);
            if (c == '(') {
                position++;
                Node inner = disjunction();
                expect(')');
                return inner;
            }
            if (startsString()) {
                StringBuilder value = new StringBuilder();
                do {
                    value.append(string());
                    skipBlanks();
                } while (startsString());
                return new Operand(value.toString());
            }
            String name = identifier();
            if (name.equals("all") || name.equals("any")) {
                expect('(');
                Node argument = disjunction();
                skipBlanks();
                if (peek(',')) {
                    position++;
                }
                skipBlanks();
                if (!peek(')')) {
                    throw new Unsupported(name + "() takes exactly one argument");
                }
                position++;
                return new Quantifier(name.equals("all"), argument);
            }
            if (name.isEmpty()) {
                throw new Unsupported("unsupported expression at '" + rest() + "'");
            }
            skipBlanks();
            if (peek('(')) {
                throw new Unsupported("unsupported function " + name + "(): only all() and any() are evaluated");
            }
            throw new Unsupported("unsupported name " + name + ": process names and patterns are quoted strings");
        }

        /** A string literal, with an optional r/u prefix (any other prefix is not a plain string). */
        private boolean startsString() {
            int at = position;
            if (at < text.length() && "rRuU".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            return at < text.length() && (text.charAt(at) == '\'' || text.charAt(at) == '"');
        }

        private String string() {
            boolean raw = false;
            char first = text.charAt(position);
            if (first == 'r' || first == 'R') {
                raw = true;
                position++;
            } else if (first == 'u' || first == 'U') {
                position++;
            }
            char quote = text.charAt(position);
            boolean triple = text.startsWith(String.valueOf(quote).repeat(3), position);
            position += triple ? 3 : 1;
            StringBuilder value = new StringBuilder();
            while (true) {
                if (position >= text.length()) {
                    throw new Unsupported("unterminated string");
                }
                char c = text.charAt(position);
                if (triple ? text.startsWith(String.valueOf(quote).repeat(3), position) : c == quote) {
                    position += triple ? 3 : 1;
                    return value.toString();
                }
                if (!triple && c == '\n') {
                    throw new Unsupported("unterminated string");
                }
                if (c == '\\' && position + 1 < text.length()) {
                    char next = text.charAt(position + 1);
                    position += 2;
                    if (raw) {
                        value.append(c).append(next);
                    } else {
                        value.append(escape(next));
                    }
                    continue;
                }
                value.append(c);
                position++;
            }
        }

        /** Python's escapes that a process name or a pattern may need; an unknown escape stays as written. */
        private static String escape(char next) {
            switch (next) {
                case '\\': return "\\";
                case '\'': return "'";
                case '"': return "\"";
                case 'n': return "\n";
                case 't': return "\t";
                case 'r': return "\r";
                case '\n': return "";
                default: return "\\" + next;
            }
        }

        private String identifier() {
            int start = position;
            if (position < text.length() && Character.isDigit(text.charAt(position))) {
                return "";
            }
            while (position < text.length()
                    && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
                position++;
            }
            return text.substring(start, position);
        }

        private boolean keyword(String word) {
            skipBlanks();
            if (!text.startsWith(word, position)) {
                return false;
            }
            int end = position + word.length();
            if (end < text.length()
                    && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                return false;
            }
            position = end;
            return true;
        }

        private void expect(char c) {
            skipBlanks();
            if (!peek(c)) {
                throw new Unsupported("'" + c + "' expected at '" + rest() + "'");
            }
            position++;
        }

        private boolean peek(char c) {
            return position < text.length() && text.charAt(position) == c;
        }

        private void skipBlanks() {
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                    position++;
                } else if (c == '\\' && position + 1 < text.length() && text.charAt(position + 1) == '\n') {
                    position += 2;
                } else {
                    break;
                }
            }
        }

        private String rest() {
            String rest = text.substring(Math.min(position, text.length()));
            return rest.length() > 20 ? rest.substring(0, 20) + "..." : rest;
        }
    }
}
