package org.supvisors.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.supvisors.rules.FormulaTokens.Kind;
import org.supvisors.rules.FormulaTokens.SyntaxError;
import org.supvisors.rules.FormulaTokens.Token;

/**
 * The load-time check of an {@code operational_status} formula, as 0.19 does it with Python's {@code ast.parse}: the
 * text must be Python and hold a single statement, or the formula is rejected ("AST parse failure", "unsupported AST
 * expression") and the {@code required} flags apply. Here the statement must be an expression (Python's expression
 * grammar without {@code await}, {@code yield} and assignment expressions); which expressions can be evaluated
 * (strings, {@code and}, {@code or}, {@code not}, {@code all}, {@code any}) is the evaluator's business, later.
 */
final class FormulaSyntax {

    static final String PARSE_FAILURE = "AST parse failure";
    static final String UNSUPPORTED = "unsupported AST expression";

    private static final Set<String> COMPARISONS = Set.of("<", ">", "==", ">=", "<=", "!=");
    private static final Set<String> TERM_OPERATORS = Set.of("*", "/", "//", "%", "@");

    private final List<Token> tokens;
    private int position;

    private FormulaSyntax(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Why the formula is rejected ({@link #PARSE_FAILURE} or {@link #UNSUPPORTED}), or empty if it is accepted. */
    static Optional<String> check(String formula) {
        try {
            int statements = new FormulaSyntax(FormulaTokens.tokenize(formula)).statements();
            return statements == 1 ? Optional.empty() : Optional.of(UNSUPPORTED);
        } catch (SyntaxError e) {
            return Optional.of(PARSE_FAILURE);
        }
    }

    /** file: NEWLINE* [statement ((';' | NEWLINE) statement)* [';'] NEWLINE*] END. */
    private int statements() throws SyntaxError {
        int count = 0;
        skipNewlines();
        while (peek().kind() != Kind.END) {
            expressions();
            count++;
            if (accept(";")) {
                if (peek().kind() == Kind.NEWLINE || peek().kind() == Kind.END) {
                    skipNewlines();
                }
            } else if (peek().kind() == Kind.NEWLINE) {
                skipNewlines();
            } else if (peek().kind() != Kind.END) {
                throw error();
            }
        }
        return count;
    }

    private void skipNewlines() {
        while (peek().kind() == Kind.NEWLINE) {
            position++;
        }
    }

    /** expressions: star_expression (',' star_expression)* [',']. */
    private void expressions() throws SyntaxError {
        starExpression();
        while (accept(",")) {
            if (startsExpression()) {
                starExpression();
            } else {
                return;
            }
        }
    }

    private void starExpression() throws SyntaxError {
        if (accept("*")) {
            bitOr();
        } else {
            expression();
        }
    }

    /** expression: disjunction ['if' disjunction 'else' expression] | lambda. */
    private void expression() throws SyntaxError {
        if (accept("lambda")) {
            lambdaParameters();
            expect(":");
            expression();
            return;
        }
        disjunction();
        if (accept("if")) {
            disjunction();
            expect("else");
            expression();
        }
    }

    private void lambdaParameters() throws SyntaxError {
        while (!peek().is(":")) {
            if (accept("*") || accept("**")) {
                if (peek().kind() == Kind.NAME) {
                    position++;
                }
            } else if (!accept("/")) {
                name();
                if (accept("=")) {
                    expression();
                }
            }
            if (!accept(",")) {
                return;
            }
        }
    }

    private void disjunction() throws SyntaxError {
        conjunction();
        while (accept("or")) {
            conjunction();
        }
    }

    private void conjunction() throws SyntaxError {
        inversion();
        while (accept("and")) {
            inversion();
        }
    }

    private void inversion() throws SyntaxError {
        if (accept("not")) {
            inversion();
        } else {
            comparison();
        }
    }

    private void comparison() throws SyntaxError {
        bitOr();
        while (true) {
            Token token = peek();
            if (token.kind() == Kind.OPERATOR && COMPARISONS.contains(token.text()) || token.is("in")) {
                position++;
            } else if (token.is("not") && tokens.get(position + 1).is("in")) {
                position += 2;
            } else if (token.is("is")) {
                position++;
                accept("not");
            } else {
                return;
            }
            bitOr();
        }
    }

    private void bitOr() throws SyntaxError {
        binary(0);
    }

    private static final List<Set<String>> LEVELS = List.of(Set.of("|"), Set.of("^"), Set.of("&"),
            Set.of("<<", ">>"), Set.of("+", "-"), TERM_OPERATORS);

    private void binary(int level) throws SyntaxError {
        if (level == LEVELS.size()) {
            factor();
            return;
        }
        binary(level + 1);
        while (peek().kind() == Kind.OPERATOR && LEVELS.get(level).contains(peek().text())) {
            position++;
            binary(level + 1);
        }
    }

    /** factor: ('+' | '-' | '~') factor | power. */
    private void factor() throws SyntaxError {
        if (accept("+") || accept("-") || accept("~")) {
            factor();
            return;
        }
        primary();
        if (accept("**")) {
            factor();
        }
    }

    /** primary: atom ('.' NAME | '(' arguments ')' | '[' slices ']')*. */
    private void primary() throws SyntaxError {
        atom();
        while (true) {
            if (accept(".")) {
                name();
            } else if (accept("(")) {
                if (!accept(")")) {
                    arguments();
                    expect(")");
                }
            } else if (accept("[")) {
                slices();
                expect("]");
            } else {
                return;
            }
        }
    }

    private void arguments() throws SyntaxError {
        do {
            if (peek().is(")")) {
                return;
            }
            if (accept("*") || accept("**")) {
                expression();
            } else if (peek().kind() == Kind.NAME && tokens.get(position + 1).is("=")) {
                position += 2;
                expression();
            } else {
                expression();
                if (peek().is("for") || peek().is("async")) {
                    comprehension();
                }
            }
        } while (accept(","));
    }

    private void slices() throws SyntaxError {
        do {
            if (peek().is("]")) {
                return;
            }
            slice();
        } while (accept(","));
    }

    private void slice() throws SyntaxError {
        if (!peek().is(":")) {
            starExpression();
            if (!peek().is(":")) {
                return;
            }
        }
        expect(":");
        if (startsExpression()) {
            expression();
        }
        if (accept(":") && startsExpression()) {
            expression();
        }
    }

    private void atom() throws SyntaxError {
        Token token = peek();
        switch (token.kind()) {
            case NAME, NUMBER -> position++;
            case STRING -> {
                while (peek().kind() == Kind.STRING) {
                    position++;
                }
            }
            case KEYWORD -> {
                if (!token.is("True") && !token.is("False") && !token.is("None")) {
                    throw error();
                }
                position++;
            }
            case OPERATOR -> {
                position++;
                switch (token.text()) {
                    case "(" -> display(")");
                    case "[" -> display("]");
                    case "{" -> braces();
                    case "..." -> {
                        // Ellipsis
                    }
                    default -> throw error();
                }
            }
            default -> throw error();
        }
    }

    /** A tuple, parenthesised expression, generator, list or list comprehension, after its opening bracket. */
    private void display(String closing) throws SyntaxError {
        if (accept(closing)) {
            return;
        }
        starExpression();
        if (peek().is("for") || peek().is("async")) {
            comprehension();
        } else {
            while (accept(",") && !peek().is(closing)) {
                starExpression();
            }
        }
        expect(closing);
    }

    /** A dict or a set, after its opening brace. */
    private void braces() throws SyntaxError {
        if (accept("}")) {
            return;
        }
        boolean dict = dictItem(true);
        if (peek().is("for") || peek().is("async")) {
            comprehension();
        } else {
            while (accept(",") && !peek().is("}")) {
                if (dictItem(dict) != dict) {
                    throw error();
                }
            }
        }
        expect("}");
    }

    private boolean dictItem(boolean dictAllowed) throws SyntaxError {
        if (accept("**")) {
            bitOr();
            return true;
        }
        starExpression();
        if (dictAllowed && accept(":")) {
            expression();
            return true;
        }
        return false;
    }

    /** comprehension: (['async'] 'for' targets 'in' disjunction ('if' disjunction)*)+. */
    private void comprehension() throws SyntaxError {
        while (peek().is("for") || peek().is("async")) {
            accept("async");
            expect("for");
            do {
                if (accept("*")) {
                    bitOr();
                } else {
                    bitOr();
                }
            } while (accept(",") && !peek().is("in"));
            expect("in");
            disjunction();
            while (accept("if")) {
                disjunction();
            }
        }
    }

    private boolean startsExpression() {
        Token token = peek();
        return switch (token.kind()) {
            case NAME, NUMBER, STRING -> true;
            case KEYWORD -> Set.of("True", "False", "None", "not", "lambda").contains(token.text());
            case OPERATOR -> Set.of("(", "[", "{", "-", "+", "~", "...", "*").contains(token.text());
            default -> false;
        };
    }

    private void name() throws SyntaxError {
        if (peek().kind() != Kind.NAME) {
            throw error();
        }
        position++;
    }

    private Token peek() {
        return tokens.get(position);
    }

    private boolean accept(String text) {
        if (peek().is(text)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String text) throws SyntaxError {
        if (!accept(text)) {
            throw error();
        }
    }

    private SyntaxError error() {
        return new SyntaxError("invalid syntax at '" + peek().text() + "'");
    }
}
