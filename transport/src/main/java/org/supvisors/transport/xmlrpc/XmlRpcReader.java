package org.supvisors.transport.xmlrpc;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Decodes XML-RPC documents ({@code methodCall}, {@code methodResponse}) with the JDK's StAX parser, hardened:
 * a DOCTYPE or an entity reference (other than the five predefined ones and character references) is refused as
 * soon as it is met, before any expansion, so neither external entities nor "billion laughs" can cost anything.
 * The input is a complete document (the HTTP body is aggregated first), so a truncated one is an error, not a wait.
 *
 * <p>Value types: {@code int}, {@code i4}, {@code i8} (and {@code i1}, {@code i2}) → {@code Integer} when the value
 * fits in 32 bits, else {@code Long}; {@code boolean} → {@code Boolean} ({@code 0}/{@code 1});
 * {@code string} and untyped text → {@code String}; {@code double} → {@code Double} (also {@code nan}, {@code inf},
 * as Python writes them); {@code dateTime.iso8601} → {@code Date}, read as UTC when the text has no offset;
 * {@code base64} → {@code byte[]}; {@code struct} → {@code LinkedHashMap<String, Object>}; {@code array} →
 * {@code ArrayList<Object>}; {@code nil} → {@code null}. Element names are compared without their namespace, so
 * Apache's {@code ex:nil} and {@code ex:i8} are read too. Nesting is limited to {@value #MAX_DEPTH} levels.
 */
final class XmlRpcReader {

    /** The deepest nesting of structs and arrays accepted (a bound on recursion, hence on the stack). */
    static final int MAX_DEPTH = 100;

    private static final String TYPES =
            "int, i4, i8, boolean, string, double, dateTime.iso8601, base64, struct, array, nil";
    private static final Pattern DOUBLE = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-?(\\d{2})-?(\\d{2})T(\\d{2}):?(\\d{2}):?(\\d{2})(\\.\\d{1,9})?(Z|[+-]\\d{2}(:?\\d{2})?)?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** StAX factories are not specified as thread-safe; one per (event loop) thread. */
    private static final ThreadLocal<XMLInputFactory> FACTORIES = ThreadLocal.withInitial(XmlRpcReader::newFactory);

    private final XMLStreamReader xml;

    private XmlRpcReader(XMLStreamReader xml) {
        this.xml = xml;
    }

    /** Decodes a {@code methodCall}; a missing or empty {@code methodName} is an error, missing params are none. */
    static XmlRpcCall readCall(InputStream in) throws XmlRpcFormatException {
        return read(in, XmlRpcReader::methodCall);
    }

    /**
     * Decodes a {@code methodResponse} and returns its value.
     *
     * @throws RemoteFault when the response is a fault
     */
    static Object readResponse(InputStream in) throws XmlRpcFormatException {
        return read(in, XmlRpcReader::methodResponse);
    }

    private interface Body<T> {
        T read(XmlRpcReader reader) throws XMLStreamException, XmlRpcFormatException;
    }

    private static <T> T read(InputStream in, Body<T> body) throws XmlRpcFormatException {
        XMLStreamReader xml;
        try {
            xml = FACTORIES.get().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new XmlRpcFormatException("malformed XML: " + parserMessage(e));
        }
        XmlRpcReader reader = new XmlRpcReader(xml);
        try {
            T result = body.read(reader);
            reader.endOfDocument();
            return result;
        } catch (XMLStreamException e) {
            throw new XmlRpcFormatException("malformed XML" + reader.where(e.getLocation()) + ": " + parserMessage(e));
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // close() of a reader over an in-memory stream frees parser state only: nothing to answer or log
                assert e != null;
            }
        }
    }

    private XmlRpcCall methodCall() throws XMLStreamException, XmlRpcFormatException {
        expectRoot("methodCall");
        String name = null;
        List<Object> params = new ArrayList<>();
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "methodName" -> name = readText().strip();
                case "params" -> readParams(params);
                default -> throw unexpected("methodCall", "methodName, params");
            }
        }
        if (name == null || name.isEmpty()) {
            throw error("methodName: " + (name == null ? "missing" : "empty") + " (expected: a method name)");
        }
        return new XmlRpcCall(name, params);
    }

    private Object methodResponse() throws XMLStreamException, XmlRpcFormatException {
        expectRoot("methodResponse");
        if (nextTag() != XMLStreamConstants.START_ELEMENT) {
            throw error("methodResponse: empty (expected: params or fault)");
        }
        Object result;
        switch (xml.getLocalName()) {
            case "params" -> {
                List<Object> params = new ArrayList<>();
                readParams(params);
                if (params.size() != 1) {
                    throw error("methodResponse params: " + params.size() + " values (expected: 1)");
                }
                result = params.get(0);
            }
            case "fault" -> {
                expectStart("value", "fault");
                Object fault = readValue(0);
                expectEnd("fault");
                throw remoteFault(fault);
            }
            default -> throw unexpected("methodResponse", "params, fault");
        }
        expectEnd("methodResponse");
        return result;
    }

    private RemoteFault remoteFault(Object fault) throws XmlRpcFormatException {
        if (fault instanceof Map<?, ?> map && map.get("faultCode") instanceof Integer code
                && map.get("faultString") instanceof String text) {
            return new RemoteFault(code, text);
        }
        throw error("fault: " + fault + " (expected: struct with int faultCode and string faultString)");
    }

    private void readParams(List<Object> params) throws XMLStreamException, XmlRpcFormatException {
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.getLocalName().equals("param")) {
                throw unexpected("params", "param");
            }
            expectStart("value", "param");
            params.add(readValue(0));
            expectEnd("param");
        }
    }

    /** Reads the value whose start tag is current, up to and including its end tag. */
    private Object readValue(int depth) throws XMLStreamException, XmlRpcFormatException {
        StringBuilder text = new StringBuilder();
        boolean typed = false;
        Object value = null;
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (typed) {
                    throw error("value: a second type element <" + xml.getLocalName() + "> (expected: one)");
                }
                typed = true;
                value = readTyped(depth);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            } else if (isText(event)) {
                text.append(xml.getText());
            }
        }
        if (!typed) {
            return text.toString();
        }
        if (!text.toString().isBlank()) {
            throw error("value: text beside a typed element (expected: one or the other)");
        }
        return value;
    }

    private Object readTyped(int depth) throws XMLStreamException, XmlRpcFormatException {
        String type = xml.getLocalName();
        switch (type) {
            case "int", "i4", "i8", "i1", "i2" -> {
                return parseInteger(type, readText().strip());
            }
            case "boolean" -> {
                String text = readText().strip();
                if (text.equals("0") || text.equals("1")) {
                    return text.equals("1");
                }
                throw error("boolean: \"" + shorten(text) + "\" (expected: 0 or 1)");
            }
            case "string" -> {
                return readText();
            }
            case "double" -> {
                return parseDouble(readText().strip());
            }
            case "dateTime.iso8601" -> {
                return parseDateTime(readText().strip());
            }
            case "base64" -> {
                String text = WHITESPACE.matcher(readText()).replaceAll("");
                try {
                    return Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    throw error("base64: " + e.getMessage() + " (expected: base64 text)");
                }
            }
            case "nil" -> {
                if (!readText().isBlank()) {
                    throw error("nil: text inside (expected: empty)");
                }
                return null;
            }
            case "struct" -> {
                return readStruct(checkDepth(depth + 1));
            }
            case "array" -> {
                return readArray(checkDepth(depth + 1));
            }
            default -> throw error("value type: " + type + " (expected: one of " + TYPES + ")");
        }
    }

    private Map<String, Object> readStruct(int depth) throws XMLStreamException, XmlRpcFormatException {
        Map<String, Object> struct = new LinkedHashMap<>();
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.getLocalName().equals("member")) {
                throw unexpected("struct", "member");
            }
            String name = null;
            boolean hasValue = false;
            Object value = null;
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "name" -> name = readText();
                    case "value" -> {
                        hasValue = true;
                        value = readValue(depth);
                    }
                    default -> throw unexpected("member", "name, value");
                }
            }
            if (name == null || !hasValue) {
                throw error("member: without " + (name == null ? "name" : "value") + " (expected: name and value)");
            }
            struct.put(name, value);
        }
        return struct;
    }

    private List<Object> readArray(int depth) throws XMLStreamException, XmlRpcFormatException {
        expectStart("data", "array");
        List<Object> array = new ArrayList<>();
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.getLocalName().equals("value")) {
                throw unexpected("data", "value");
            }
            array.add(readValue(depth));
        }
        expectEnd("array");
        return array;
    }

    private int checkDepth(int depth) throws XmlRpcFormatException {
        if (depth > MAX_DEPTH) {
            throw error("value nesting: more than " + MAX_DEPTH + " levels (expected: at most " + MAX_DEPTH + ")");
        }
        return depth;
    }

    private Object parseInteger(String type, String text) throws XmlRpcFormatException {
        try {
            long value = Long.parseLong(text);
            return value == (int) value ? (Object) (int) value : (Object) value;
        } catch (NumberFormatException e) {
            throw error(type + ": \"" + shorten(text) + "\" (expected: an integer of at most 64 bits)");
        }
    }

    private Double parseDouble(String text) throws XmlRpcFormatException {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                if (DOUBLE.matcher(text).matches()) {
                    return Double.parseDouble(text);
                }
                throw error("double: \"" + shorten(text) + "\" (expected: a decimal number)");
            }
        }
    }

    private Date parseDateTime(String text) throws XmlRpcFormatException {
        Matcher m = DATE_TIME.matcher(text);
        if (m.matches()) {
            try {
                int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7).substring(1) + "00000000")
                        .substring(0, 9));
                LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6)), nanos);
                ZoneOffset offset = m.group(8) == null ? ZoneOffset.UTC : ZoneOffset.of(m.group(8));
                return Date.from(local.toInstant(offset));
            } catch (DateTimeException e) {
                throw error("dateTime.iso8601: \"" + shorten(text) + "\" (" + e.getMessage() + ")");
            }
        }
        throw error("dateTime.iso8601: \"" + shorten(text) + "\" (expected: yyyyMMddTHH:mm:ss)");
    }

    // ---- navigation

    private void expectRoot(String root) throws XMLStreamException, XmlRpcFormatException {
        if (nextTag() != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals(root)) {
            throw error("root element: " + describeCurrent() + " (expected: " + root + ")");
        }
    }

    private void expectStart(String element, String parent) throws XMLStreamException, XmlRpcFormatException {
        if (nextTag() != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals(element)) {
            throw error(parent + ": " + describeCurrent() + " (expected: <" + element + ">)");
        }
    }

    private void expectEnd(String element) throws XMLStreamException, XmlRpcFormatException {
        if (nextTag() != XMLStreamConstants.END_ELEMENT) {
            throw error(element + ": " + describeCurrent() + " (expected: </" + element + ">)");
        }
    }

    private void endOfDocument() throws XMLStreamException, XmlRpcFormatException {
        while (xml.hasNext()) {
            int event = next();
            if (event != XMLStreamConstants.END_DOCUMENT && !(isText(event) && xml.isWhiteSpace())) {
                throw error("after the root element: " + describeCurrent() + " (expected: end of document)");
            }
        }
    }

    /** The next start or end tag; whitespace, comments and processing instructions are skipped, other text refused. */
    private int nextTag() throws XMLStreamException, XmlRpcFormatException {
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
                return event;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error("document: ends early (expected: more elements)");
            }
            if (isText(event) && !xml.isWhiteSpace()) {
                throw error("text: \"" + shorten(xml.getText().strip()) + "\" (expected: an element)");
            }
        }
    }

    /** The text of the current element up to its end tag; an element inside is an error. */
    private String readText() throws XMLStreamException, XmlRpcFormatException {
        String element = xml.getLocalName();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return text.toString();
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                throw error(element + ": element <" + xml.getLocalName() + "> inside (expected: text only)");
            }
            if (isText(event)) {
                text.append(xml.getText());
            }
        }
    }

    /** The next event; a DOCTYPE or an entity reference is refused here, before anything is expanded. */
    private int next() throws XMLStreamException, XmlRpcFormatException {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD) {
            throw error("DOCTYPE: refused (expected: no document type declaration)");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw error("entity reference: &" + xml.getLocalName() + "; refused (expected: no entities)");
        }
        return event;
    }

    private static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE;
    }

    private String describeCurrent() {
        return switch (xml.getEventType()) {
            case XMLStreamConstants.START_ELEMENT -> "<" + xml.getLocalName() + ">";
            case XMLStreamConstants.END_ELEMENT -> "</" + xml.getLocalName() + ">";
            case XMLStreamConstants.END_DOCUMENT -> "end of document";
            default -> "text";
        };
    }

    private XmlRpcFormatException unexpected(String parent, String expected) {
        return error(parent + ": unexpected element <" + xml.getLocalName() + "> (expected: " + expected + ")");
    }

    private XmlRpcFormatException error(String message) {
        return new XmlRpcFormatException(message + where(xml.getLocation()));
    }

    private String where(Location location) {
        return location == null ? "" : " at line " + location.getLineNumber() + ", column "
                + location.getColumnNumber();
    }

    private static String parserMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int index = message.indexOf("Message: ");
        return shorten(index >= 0 ? message.substring(index + "Message: ".length()) : message);
    }

    private static String shorten(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
