package org.supvisors.cli.output;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Values written as Python writes them, since the original plugin formats XML-RPC values with {@code str()}:
 * {@code True}/{@code False}, {@code None}, lists as {@code ['a', 'b']}, dicts as {@code {'k': 1}}, floats in their
 * shortest form ({@code 5.0}, {@code 1e-05}, {@code 1e+16}).
 */
public final class PythonText {

    private PythonText() {
    }

    /** Python's {@code str(value)} of a decoded XML-RPC value. */
    public static String str(Object value) {
        if (value instanceof String text) {
            return text;
        }
        return repr(value);
    }

    /** Python's {@code repr(value)} of a decoded XML-RPC value. */
    public static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String text) {
            return quote(text);
        }
        if (value instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        if (value instanceof Double number) {
            return floatRepr(number);
        }
        if (value instanceof Float number) {
            return floatRepr(number.doubleValue());
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(repr(list.get(i)));
            }
            return text.append(']').toString();
        }
        if (value instanceof Object[] array) {
            return repr(java.util.Arrays.asList(array));
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                text.append(first ? "" : ", ").append(repr(entry.getKey())).append(": ").append(repr(entry.getValue()));
                first = false;
            }
            return text.append('}').toString();
        }
        return String.valueOf(value);
    }

    /** Python's quoting of a string: single quotes unless the text holds one and no double quote. */
    static String quote(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(quote).toString();
    }

    /** Python's {@code repr(float)}: the shortest digits, in positional form when the exponent is in [-4; 16). */
    static String floatRepr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                + Math.abs(exponent);
    }
}
