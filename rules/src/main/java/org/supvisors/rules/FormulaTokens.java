package org.supvisors.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Python's tokens, as far as an expression needs them: names, keywords, numbers, strings (any prefix, any quote),
 * operators, and the NEWLINE that ends a logical line outside brackets. Comments and line continuations are skipped.
 * A line starting with blanks after a NEWLINE is an indentation error, as in Python.
 */
final class FormulaTokens {

    enum Kind { NAME, KEYWORD, NUMBER, STRING, OPERATOR, NEWLINE, END }

    record Token(Kind kind, String text) {
        boolean is(String value) {
            return (kind == Kind.OPERATOR || kind == Kind.KEYWORD) && text.equals(value);
        }
    }

    /** Raised on text that is not made of Python tokens. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");

    /** Longest first. */
    private static final List<String> OPERATORS = List.of("**=", "//=", ">>=", "<<=", "...", "!=", "%=", "&=", "**",
            "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "==", ">=", ">>", "@=", "^=", "|=", "%", "&", "(",
            ")", "*", "+", ",", "-", ".", "/", ":", ";", "<", "=", ">", "@", "[", "]", "^", "{", "|", "}", "~");

    private static final String DIGITS = "\\d(?:_?\\d)*";
    private static final String EXPONENT = "[eE][+-]?" + DIGITS;
    private static final Pattern NUMBER = Pattern.compile("0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+"
            + "|(?:(?:" + DIGITS + ")?\\." + DIGITS + "(?:" + EXPONENT + ")?|" + DIGITS + "\\.(?:" + EXPONENT + ")?"
            + "|" + DIGITS + EXPONENT + ")[jJ]?|(?:[1-9](?:_?\\d)*|0(?:_?0)*)[jJ]?|" + DIGITS + "[jJ]");
    private static final Pattern STRING_PREFIX = Pattern.compile("(?i)(?:r|u|b|f|br|rb|fr|rf)?");

    private FormulaTokens() {
    }

    static List<Token> tokenize(String text) throws SyntaxError {
        List<Token> tokens = new ArrayList<>();
        int depth = 0;
        int i = 0;
        boolean lineStart = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (depth == 0 && !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != Kind.NEWLINE) {
                    tokens.add(new Token(Kind.NEWLINE, "\n"));
                }
                lineStart = depth == 0;
                i++;
            } else if (c == ' ' || c == '\t' || c == '\f') {
                int end = i;
                while (end < text.length() && " \t\f".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                if (lineStart && end < text.length() && "\r\n#\\".indexOf(text.charAt(end)) < 0) {
                    throw new SyntaxError("unexpected indent");
                }
                i = end;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '\\') {
                if (text.startsWith("\r\n", i + 1)) {
                    i += 3;
                } else if (i + 1 < text.length() && (text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r')) {
                    i += 2;
                } else {
                    throw new SyntaxError("unexpected character after line continuation character");
                }
                lineStart = false;
            } else {
                lineStart = false;
                int stringStart = stringStart(text, i);
                if (stringStart >= 0) {
                    i = string(text, i, stringStart, tokens);
                } else if (Character.isDigit(c) || c == '.' && i + 1 < text.length()
                        && Character.isDigit(text.charAt(i + 1))) {
                    i = number(text, i, tokens);
                } else if (Character.isLetter(c) || c == '_') {
                    int end = i + 1;
                    while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
                            || text.charAt(end) == '_')) {
                        end++;
                    }
                    String name = text.substring(i, end);
                    tokens.add(new Token(KEYWORDS.contains(name) ? Kind.KEYWORD : Kind.NAME, name));
                    i = end;
                } else {
                    String operator = operator(text, i);
                    depth += "([{".contains(operator) ? 1 : ")]}".contains(operator) ? -1 : 0;
                    if (depth < 0) {
                        throw new SyntaxError("unmatched '" + operator + "'");
                    }
                    tokens.add(new Token(Kind.OPERATOR, operator));
                    i += operator.length();
                }
            }
        }
        if (depth > 0) {
            throw new SyntaxError("unexpected end of formula: bracket not closed");
        }
        tokens.add(new Token(Kind.END, ""));
        return tokens;
    }

    /** Where the quote of a string starting at {@code i} is (after its prefix), or -1. */
    private static int stringStart(String text, int i) {
        var matcher = STRING_PREFIX.matcher(text).region(i, text.length());
        int quote = matcher.lookingAt() ? matcher.end() : i;
        if (quote < text.length() && (text.charAt(quote) == '\'' || text.charAt(quote) == '"')) {
            return quote;
        }
        return -1;
    }

    private static int string(String text, int start, int quote, List<Token> tokens) throws SyntaxError {
        char q = text.charAt(quote);
        boolean triple = text.startsWith(String.valueOf(q).repeat(3), quote);
        String delimiter = triple ? String.valueOf(q).repeat(3) : String.valueOf(q);
        int i = quote + delimiter.length();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (text.startsWith(delimiter, i)) {
                int end = i + delimiter.length();
                tokens.add(new Token(Kind.STRING, text.substring(start, end)));
                return end;
            } else if (!triple && (c == '\n' || c == '\r')) {
                throw new SyntaxError("unterminated string literal");
            } else {
                i++;
            }
        }
        throw new SyntaxError("unterminated string literal");
    }

    private static int number(String text, int start, List<Token> tokens) throws SyntaxError {
        var matcher = NUMBER.matcher(text).region(start, text.length());
        if (!matcher.lookingAt()) {
            throw new SyntaxError("invalid number");
        }
        int end = matcher.end();
        if (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            throw new SyntaxError("invalid decimal literal");
        }
        tokens.add(new Token(Kind.NUMBER, text.substring(start, end)));
        return end;
    }

    private static String operator(String text, int i) throws SyntaxError {
        for (String operator : OPERATORS) {
            if (text.startsWith(operator, i)) {
                return operator;
            }
        }
        throw new SyntaxError("invalid character '" + text.charAt(i) + "'");
    }
}
