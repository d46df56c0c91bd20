package org.supvisors.client;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML-RPC {@code methodResponse} in two steps: the JDK's StAX parser builds a small tree of the elements
 * (name, text, children), refusing a DOCTYPE or an entity reference (other than the predefined ones and character
 * references) as soon as it is met, before anything is expanded or fetched; then the tree is read as XML-RPC.
 *
 * <p>Java types of the values: {@code int}, {@code i4} → {@code Integer} ({@code Long} if the text does not fit
 * in 32 bits); {@code i8} → {@code Long}; {@code boolean} → {@code Boolean}; {@code string} and untyped text →
 * {@code String}; {@code double} → {@code Double} ({@code inf}, {@code nan} as Python writes them);
 * {@code dateTime.iso8601} → {@code LocalDateTime}; {@code base64} → {@code byte[]}; {@code struct} → a read-only
 * {@code Map<String, Object>} in document order; {@code array} → a read-only {@code List<Object>};
 * {@code nil} → {@code null}. Tags are compared by local name, so Apache's {@code ex:i8} and {@code ex:nil} are
 * read too. Structs and arrays nest {@value #MAX_DEPTH} levels at most.
 */
final class XmlRpcResponseReader {

    /** The deepest nesting of structs and arrays read. */
    static final int MAX_DEPTH = 64;

    /** The deepest nesting of elements in the tree: enough for {@link #MAX_DEPTH} values, a bound on recursion. */
    private static final int MAX_ELEMENTS_DEEP = 4 * MAX_DEPTH + 16;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));

    private XmlRpcResponseReader() {
    }

    /** A {@code methodResponse} that is a fault. */
    static final class RemoteFault extends Exception {
        private static final long serialVersionUID = 1L;

        final int code;
        final String faultString;

        RemoteFault(int code, String faultString) {
            super(code + " " + faultString, null, false, false);
            this.code = code;
            this.faultString = faultString;
        }
    }

    /** A body that is not a well-formed {@code methodResponse}; the message says what, and where. */
    static final class MalformedResponse extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedResponse(String message) {
            super(message, null, false, false);
        }
    }

    /** An element: its local name, its text (all its character data), its child elements, where it starts. */
    private record Element(String name, String text, List<Element> children, String where) {

        /** The only child, which must be named {@code expected}. */
        Element only(String expected) throws MalformedResponse {
            if (children.size() != 1 || !children.get(0).name.equals(expected)) {
                throw new MalformedResponse("<" + name + "> holds " + describe(children) + " (expected: one <"
                        + expected + ">)" + where);
            }
            return children.get(0);
        }

        /** The text, for an element that must have no child. */
        String leafText() throws MalformedResponse {
            if (!children.isEmpty()) {
                throw new MalformedResponse(name + ": element <" + children.get(0).name + "> inside (expected: text)"
                        + children.get(0).where);
            }
            return text;
        }

        MalformedResponse malformed(String message) {
            return new MalformedResponse(message + where);
        }

        private static String describe(List<Element> elements) {
            if (elements.isEmpty()) {
                return "nothing";
            }
            List<String> names = new ArrayList<>();
            elements.forEach(e -> names.add("<" + e.name + ">"));
            return String.join(", ", names);
        }
    }

    /**
     * The value of the response.
     *
     * @throws RemoteFault when the response is a fault
     * @throws MalformedResponse when it is not a valid {@code methodResponse}
     */
    static Object read(byte[] body) throws RemoteFault, MalformedResponse {
        Element root = parse(body);
        if (!root.name.equals("methodResponse")) {
            throw root.malformed("<" + root.name + "> (expected: <methodResponse>)");
        }
        if (root.children.size() == 1 && root.children.get(0).name.equals("fault")) {
            Object fault = value(root.children.get(0).only("value"), 0);
            if (fault instanceof Map<?, ?> struct && struct.get("faultCode") instanceof Integer code
                    && struct.get("faultString") instanceof String text) {
                throw new RemoteFault(code, text);
            }
            throw root.children.get(0).malformed("fault: " + shorten(String.valueOf(fault))
                    + " (expected: a struct with an int faultCode and a string faultString)");
        }
        return value(root.only("params").only("param").only("value"), 0);
    }

    // ---- the tree

    private static Element parse(byte[] body) throws MalformedResponse {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            return tree(xml);
        } catch (XMLStreamException e) {
            throw new MalformedResponse("not well-formed XML: " + parserMessage(e.getMessage()));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // closing a reader over a byte array frees parser state only; the answer is already decided
                    assert e != null;
                }
            }
        }
    }

    /**
     * Builds the tree of the document, iteratively: the depth of the document costs no stack. (The parser itself
     * refuses a second root element and text outside the root.)
     */
    private static Element tree(XMLStreamReader xml) throws XMLStreamException, MalformedResponse {
        Deque<Open> open = new ArrayDeque<>();
        Element root = null;
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.DTD:
                    throw new MalformedResponse("DOCTYPE refused (expected: no document type declaration)"
                            + where(xml));
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw new MalformedResponse("entity reference &" + xml.getLocalName() + "; refused (expected:"
                            + " no entity)" + where(xml));
                case XMLStreamConstants.START_ELEMENT:
                    if (open.size() >= MAX_ELEMENTS_DEEP) {
                        throw new MalformedResponse("elements nested more than " + MAX_ELEMENTS_DEEP + " deep"
                                + " (expected: values nested " + MAX_DEPTH + " levels at most)" + where(xml));
                    }
                    open.push(new Open(xml.getLocalName(), where(xml)));
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    Open done = open.pop();
                    Element element = new Element(done.name, done.text.toString(), List.copyOf(done.children),
                            done.where);
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.peek().children.add(element);
                    }
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    if (!open.isEmpty()) {
                        open.peek().text.append(xml.getText());
                    }
                    break;
                default:
                    break;   // comments, processing instructions, document start and end
            }
        }
        if (root == null) {
            throw new MalformedResponse("no root element (expected: <methodResponse>)");
        }
        return root;
    }

    /** An element being read. */
    private static final class Open {
        final String name;
        final String where;
        final StringBuilder text = new StringBuilder();
        final List<Element> children = new ArrayList<>();

        Open(String name, String where) {
            this.name = name;
            this.where = where;
        }
    }

    // ---- XML-RPC values

    /** The value of a {@code <value>} element. */
    private static Object value(Element value, int depth) throws MalformedResponse {
        if (value.children.isEmpty()) {
            return value.text;
        }
        if (value.children.size() > 1) {
            throw value.malformed("value: " + value.children.size() + " type elements (expected: one)");
        }
        if (!value.text.isBlank()) {
            throw value.malformed("value: text beside <" + value.children.get(0).name + "> (expected: one or the"
                    + " other)");
        }
        Element typed = value.children.get(0);
        switch (typed.name) {
            case "string":
                return typed.leafText();
            case "int":
            case "i4":
            case "i8":
                return integer(typed);
            case "boolean":
                return bool(typed);
            case "double":
                return decimal(typed);
            case "dateTime.iso8601":
                return dateTime(typed);
            case "base64":
                try {
                    return Base64.getMimeDecoder().decode(typed.leafText());
                } catch (IllegalArgumentException e) {
                    throw typed.malformed("base64: " + e.getMessage());
                }
            case "nil":
                if (!typed.leafText().isBlank()) {
                    throw typed.malformed("nil: not empty (expected: <nil/>)");
                }
                return null;
            case "struct":
                return struct(typed, deeper(typed, depth));
            case "array":
                return array(typed, deeper(typed, depth));
            default:
                throw typed.malformed("value: <" + typed.name + "> (expected: string, int, i4, i8, boolean, double, "
                        + "dateTime.iso8601, base64, nil, struct or array)");
        }
    }

    private static Map<String, Object> struct(Element struct, int depth) throws MalformedResponse {
        Map<String, Object> members = new LinkedHashMap<>();
        for (Element member : struct.children) {
            if (!member.name.equals("member")) {
                throw member.malformed("struct: <" + member.name + "> (expected: <member>)");
            }
            Element name = null;
            Element value = null;
            for (Element part : member.children) {
                if (part.name.equals("name") && name == null) {
                    name = part;
                } else if (part.name.equals("value") && value == null) {
                    value = part;
                } else {
                    throw part.malformed("member: <" + part.name + "> (expected: one <name> and one <value>)");
                }
            }
            if (name == null || value == null) {
                throw member.malformed("member: without <" + (name == null ? "name" : "value") + ">");
            }
            members.put(name.leafText(), value(value, depth));
        }
        return Collections.unmodifiableMap(members);
    }

    private static List<Object> array(Element array, int depth) throws MalformedResponse {
        List<Object> items = new ArrayList<>();
        for (Element value : array.only("data").children) {
            if (!value.name.equals("value")) {
                throw value.malformed("data: <" + value.name + "> (expected: <value>)");
            }
            items.add(value(value, depth));
        }
        return Collections.unmodifiableList(items);
    }

    private static Object integer(Element typed) throws MalformedResponse {
        String digits = typed.leafText().strip();
        long number;
        try {
            number = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw typed.malformed(typed.name + ": \"" + shorten(digits) + "\" (expected: an integer of 64 bits at"
                    + " most)");
        }
        if (!typed.name.equals("i8") && number == (int) number) {
            return Integer.valueOf((int) number);
        }
        return Long.valueOf(number);
    }

    private static Boolean bool(Element typed) throws MalformedResponse {
        String bit = typed.leafText().strip();
        if (bit.equals("0") || bit.equals("1")) {
            return bit.equals("1");
        }
        throw typed.malformed("boolean: \"" + shorten(bit) + "\" (expected: 0 or 1)");
    }

    private static Double decimal(Element typed) throws MalformedResponse {
        String text = typed.leafText().strip();
        switch (text.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "+inf":
            case "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                if (DECIMAL.matcher(text).matches()) {
                    return Double.valueOf(text);
                }
                throw typed.malformed("double: \"" + shorten(text) + "\" (expected: a decimal number)");
        }
    }

    private static LocalDateTime dateTime(Element typed) throws MalformedResponse {
        String text = typed.leafText().strip();
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(text, format);
            } catch (DateTimeParseException e) {
                // not this layout: the next one is tried, and the failure of all is reported below
                assert e != null;
            }
        }
        throw typed.malformed("dateTime.iso8601: \"" + shorten(text) + "\" (expected: yyyyMMddTHH:mm:ss)");
    }

    private static int deeper(Element container, int depth) throws MalformedResponse {
        if (depth >= MAX_DEPTH) {
            throw container.malformed("value: nested more than " + MAX_DEPTH + " levels deep (expected: " + MAX_DEPTH
                    + " at most)");
        }
        return depth + 1;
    }

    private static String where(XMLStreamReader xml) {
        javax.xml.stream.Location location = xml.getLocation();
        return location == null ? "" : " at line " + location.getLineNumber() + ", column "
                + location.getColumnNumber();
    }

    private static String parserMessage(String message) {
        String text = String.valueOf(message);
        int index = text.indexOf("Message: ");
        return shorten(index >= 0 ? text.substring(index + "Message: ".length()) : text);
    }

    private static String shorten(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
