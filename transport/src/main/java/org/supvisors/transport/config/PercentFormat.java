package org.supvisors.transport.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Python's {@code template % mapping}, as supervisord applies it to option values: {@code %(name)s},
 * {@code %(process_num)02d} and the like, with {@code %%} for a percent sign. Values are {@link String}s or
 * {@link Number}s. Supported conversions: {@code d i u o x X e E f F g G c s r a}, flags {@code -+ #0}, width
 * and precision; a conversion without a {@code (name)} is refused (Python would format the whole mapping).
 */
final class PercentFormat {

    private PercentFormat() {
    }

    /** A name of the template that the mapping lacks. */
    static final class MissingNameException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String name;

        MissingNameException(String name) {
            super(name, null, false, false);
            this.name = name;
        }

        String name() {
            return name;
        }
    }

    /**
     * Formats {@code template}.
     *
     * @throws MissingNameException when a {@code %(name)} is not in {@code values}
     * @throws InvalidValueException when the template is badly formatted (the reason says where)
     */
    static String format(String template, Map<String, ?> values) throws MissingNameException, InvalidValueException {
        if (template.indexOf('%') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        int length = template.length();
        while (i < length) {
            char c = template.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i >= length) {
                throw new InvalidValueException("incomplete format");
            }
            if (template.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            if (template.charAt(i) != '(') {
                throw new InvalidValueException("conversion without a (name) at index " + (i - 1)
                        + " (write %% for a percent sign)");
            }
            int depth = 1;
            int nameStart = ++i;
            while (i < length && depth > 0) {
                char n = template.charAt(i++);
                if (n == '(') {
                    depth++;
                } else if (n == ')') {
                    depth--;
                }
            }
            if (depth > 0) {
                throw new InvalidValueException("incomplete format key");
            }
            String name = template.substring(nameStart, i - 1);
            Spec spec = new Spec();
            while (i < length && "-+ #0".indexOf(template.charAt(i)) >= 0) {
                spec.flag(template.charAt(i++));
            }
            if (i < length && template.charAt(i) == '*') {
                throw new InvalidValueException("* width needs an argument, which a mapping cannot give");
            }
            int widthStart = i;
            while (i < length && Character.isDigit(template.charAt(i))) {
                i++;
            }
            spec.width = i > widthStart ? Integer.parseInt(template.substring(widthStart, i)) : -1;
            if (i < length && template.charAt(i) == '.') {
                i++;
                if (i < length && template.charAt(i) == '*') {
                    throw new InvalidValueException("* precision needs an argument, which a mapping cannot give");
                }
                int precisionStart = i;
                while (i < length && Character.isDigit(template.charAt(i))) {
                    i++;
                }
                spec.precision = i > precisionStart ? Integer.parseInt(template.substring(precisionStart, i)) : 0;
            }
            while (i < length && "hlL".indexOf(template.charAt(i)) >= 0) {
                i++;
            }
            if (i >= length) {
                throw new InvalidValueException("incomplete format");
            }
            char conversion = template.charAt(i++);
            if (!values.containsKey(name)) {
                throw new MissingNameException(name);
            }
            out.append(spec.convert(conversion, values.get(name), i - 1));
        }
        return out.toString();
    }

    private static final class Spec {
        boolean left;
        boolean plus;
        boolean space;
        boolean alternate;
        boolean zero;
        int width;
        int precision = -1;

        void flag(char f) {
            switch (f) {
                case '-': left = true; break;
                case '+': plus = true; break;
                case ' ': space = true; break;
                case '#': alternate = true; break;
                default: zero = true; break;
            }
        }

        String convert(char conversion, Object value, int index) throws InvalidValueException {
            switch (conversion) {
                case 's':
                    return pad(truncate(String.valueOf(value)));
                case 'r':
                case 'a':
                    return pad(truncate(value instanceof String ? repr((String) value) : String.valueOf(value)));
                case 'd':
                case 'i':
                case 'u':
                    return integer(conversion, value, 10, "");
                case 'o':
                    return integer(conversion, value, 8, alternate ? "0o" : "");
                case 'x':
                    return integer(conversion, value, 16, alternate ? "0x" : "");
                case 'X':
                    return integer(conversion, value, 16, alternate ? "0X" : "").toUpperCase(Locale.ROOT);
                case 'e':
                case 'E':
                case 'f':
                case 'F':
                case 'g':
                case 'G':
                    return floating(conversion, value);
                case 'c':
                    return pad(character(value));
                default:
                    throw new InvalidValueException(String.format(Locale.ROOT,
                            "unsupported format character '%c' (0x%x) at index %d", conversion, (int) conversion,
                            index));
            }
        }

        private String truncate(String text) {
            return precision >= 0 && precision < text.length() ? text.substring(0, precision) : text;
        }

        private String integer(char conversion, Object value, int radix, String prefix) throws InvalidValueException {
            if (!(value instanceof Number)) {
                throw new InvalidValueException("%" + conversion + " format: a real number is required, not str");
            }
            long number = ((Number) value).longValue();
            String digits = Long.toString(Math.abs(number), radix);
            if (precision > digits.length()) {
                digits = "0".repeat(precision - digits.length()) + digits;
            }
            return signed(number < 0, prefix + digits);
        }

        private String floating(char conversion, Object value) throws InvalidValueException {
            if (!(value instanceof Number)) {
                throw new InvalidValueException("%" + conversion + " format: a real number is required, not str");
            }
            double number = ((Number) value).doubleValue();
            int digits = precision < 0 ? 6 : precision;
            String text;
            char lower = Character.toLowerCase(conversion);
            if (lower == 'g') {
                text = general(Math.abs(number), digits == 0 ? 1 : digits);
            } else {
                text = String.format(Locale.ROOT, "%." + digits + lower, Math.abs(number));
                if (lower == 'e') {
                    text = pythonExponent(text);
                }
            }
            if (Character.isUpperCase(conversion)) {
                text = text.toUpperCase(Locale.ROOT);
            }
            return signed(number < 0 || (number == 0 && 1 / number < 0), text);
        }

        /** Python's {@code %g}: fixed or exponent notation by the exponent, trailing zeros removed unless {@code #}. */
        private String general(double number, int significant) {
            if (number == 0) {
                return alternate ? "0." + "0".repeat(significant - 1) : "0";
            }
            String exponentForm = String.format(Locale.ROOT, "%." + (significant - 1) + "e", number);
            int exponent = Integer.parseInt(exponentForm.substring(exponentForm.indexOf('e') + 1));
            String text;
            if (exponent >= -4 && exponent < significant) {
                text = new BigDecimal(number).setScale(significant - 1 - exponent, java.math.RoundingMode.HALF_EVEN)
                        .toPlainString();
            } else {
                text = pythonExponent(exponentForm);
            }
            if (!alternate) {
                int e = text.indexOf('e');
                String mantissa = e < 0 ? text : text.substring(0, e);
                String tail = e < 0 ? "" : text.substring(e);
                if (mantissa.indexOf('.') >= 0) {
                    mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
                }
                text = mantissa + tail;
            }
            return text;
        }

        /** An exponent of at least two digits, as Python writes it. */
        private static String pythonExponent(String text) {
            int e = text.indexOf('e');
            String exponent = text.substring(e + 2);
            if (exponent.length() < 2) {
                exponent = "0" + exponent;
            }
            return text.substring(0, e + 2) + exponent;
        }

        private String character(Object value) throws InvalidValueException {
            if (value instanceof Number) {
                return new String(Character.toChars(((Number) value).intValue()));
            }
            String text = String.valueOf(value);
            if (text.codePointCount(0, text.length()) != 1) {
                throw new InvalidValueException("%c requires an int or a unicode character, not a string of length "
                        + text.length());
            }
            return text;
        }

        private String signed(boolean negative, String body) {
            String sign = negative ? "-" : plus ? "+" : space ? " " : "";
            if (zero && !left && width > sign.length() + body.length()) {
                int prefixLength = body.startsWith("0x") || body.startsWith("0X") || body.startsWith("0o") ? 2 : 0;
                String zeros = "0".repeat(width - sign.length() - body.length());
                return sign + body.substring(0, prefixLength) + zeros + body.substring(prefixLength);
            }
            return pad(sign + body);
        }

        private String pad(String text) {
            if (width <= text.length()) {
                return text;
            }
            String padding = " ".repeat(width - text.length());
            return left ? text + padding : padding + text;
        }

        private static String repr(String text) {
            String quote = text.contains("'") && !text.contains("\"") ? "\"" : "'";
            StringBuilder out = new StringBuilder(quote);
            for (char c : text.toCharArray()) {
                if (c == '\\') {
                    out.append("\\\\");
                } else if (String.valueOf(c).equals(quote)) {
                    out.append('\\').append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\t') {
                    out.append("\\t");
                } else if (c == '\r') {
                    out.append("\\r");
                } else {
                    out.append(c);
                }
            }
            return out.append(quote).toString();
        }
    }
}
