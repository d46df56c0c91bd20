package org.supvisors.rules;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What each element of a rules file may hold, read from the rules XSD itself: the children and attributes of each
 * element, and a sentence for each value type. The XSD stays the only description of the language; this outline
 * lets the loader name every misplaced element and explain every bad value, where the validator stops at the first
 * problem of a parent and speaks of facets.
 */
final class SchemaOutline {

    static final String XSD_RESOURCE = "rules.xsd";

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    /**
     * The content of an element.
     *
     * @param children the allowed children and their type names, in schema order; empty for text-only content
     * @param repeated the children allowed more than once
     * @param attributes the allowed attributes
     * @param required the required attributes
     * @param textOnly the element holds a value, no element
     * @param constraint for a value, what it must be (for messages)
     */
    record Content(Map<String, String> children, Set<String> repeated, Set<String> attributes, Set<String> required,
                   boolean textOnly, String constraint) {
    }

    private final String rootName;
    private final Map<String, Content> types;

    private SchemaOutline(String rootName, Map<String, Content> types) {
        this.rootName = rootName;
        this.types = types;
    }

    /** The name of the document element. */
    String rootName() {
        return rootName;
    }

    /** The content of the document element. */
    Content root() {
        return types.get(rootName + "#root");
    }

    /** The content of a child element, if the parent allows it. */
    Optional<Content> child(Content parent, String childName) {
        return Optional.ofNullable(parent.children().get(childName)).map(types::get);
    }

    /** Reads the XSD shipped with this class. */
    static SchemaOutline load() {
        try (InputStream input = SchemaOutline.class.getResourceAsStream(XSD_RESOURCE)) {
            if (input == null) {
                throw new IllegalStateException(XSD_RESOURCE + ": missing from the class path");
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return read(factory.newDocumentBuilder().parse(input));
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(XSD_RESOURCE + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static SchemaOutline read(Document xsd) {
        Map<String, Content> types = new HashMap<>();
        types.put("xs:string", text("text"));
        types.put("xs:byte", text("an integer in [-128;127]"));
        types.put("xs:int", text("an integer"));
        types.put("xs:boolean", text("true, false, 1 or 0"));
        String rootName = null;
        for (Element child : children(xsd.getDocumentElement())) {
            switch (child.getLocalName()) {
                case "element" -> {
                    rootName = child.getAttribute("name");
                    types.put(rootName + "#root", complex(children(child, "complexType").get(0)));
                }
                case "complexType" -> types.put(child.getAttribute("name"), complex(child));
                case "simpleType" -> types.put(child.getAttribute("name"), simple(child));
                default -> {
                    // annotations and the like
                }
            }
        }
        if (rootName == null) {
            throw new IllegalStateException(XSD_RESOURCE + ": no global element");
        }
        return new SchemaOutline(rootName, Map.copyOf(types));
    }

    private static Content complex(Element type) {
        Map<String, String> elements = new LinkedHashMap<>();
        Set<String> repeated = new LinkedHashSet<>();
        Set<String> attributes = new LinkedHashSet<>();
        Set<String> required = new LinkedHashSet<>();
        collect(type, elements, repeated, attributes, required, false);
        boolean textOnly = !children(type, "simpleContent").isEmpty();
        return new Content(Collections.unmodifiableMap(elements), Set.copyOf(repeated),
                Collections.unmodifiableSet(attributes), Set.copyOf(required),
                textOnly, textOnly ? "text" : "");
    }

    private static void collect(Element node, Map<String, String> elements, Set<String> repeated,
                                Set<String> attributes, Set<String> required, boolean repeatedGroup) {
        for (Element child : children(node)) {
            switch (child.getLocalName()) {
                case "element" -> {
                    elements.put(child.getAttribute("name"), child.getAttribute("type"));
                    if (repeatedGroup || "unbounded".equals(child.getAttribute("maxOccurs"))) {
                        repeated.add(child.getAttribute("name"));
                    }
                }
                case "attribute" -> {
                    attributes.add(child.getAttribute("name"));
                    if ("required".equals(child.getAttribute("use"))) {
                        required.add(child.getAttribute("name"));
                    }
                }
                default -> collect(child, elements, repeated, attributes, required,
                        repeatedGroup || "unbounded".equals(child.getAttribute("maxOccurs")));
            }
        }
    }

    private static Content simple(Element type) {
        Element restriction = children(type, "restriction").get(0);
        List<String> values = new ArrayList<>();
        String min = null;
        String max = null;
        for (Element facet : children(restriction)) {
            switch (facet.getLocalName()) {
                case "enumeration" -> values.add(facet.getAttribute("value"));
                case "minInclusive" -> min = facet.getAttribute("value");
                case "maxInclusive" -> max = facet.getAttribute("value");
                default -> throw new IllegalStateException(XSD_RESOURCE + ": facet " + facet.getLocalName()
                        + " not described (expected: enumeration, minInclusive, maxInclusive)");
            }
        }
        if (!values.isEmpty()) {
            return text("one of " + String.join(", ", values) + ", case-sensitive");
        }
        return text("an integer in [" + min + ";" + max + "]");
    }

    private static Content text(String constraint) {
        return new Content(Map.of(), Set.of(), Set.of(), Set.of(), true, constraint);
    }

    private static List<Element> children(Node parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && XS.equals(element.getNamespaceURI())) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static List<Element> children(Node parent, String localName) {
        return children(parent).stream().filter(e -> e.getLocalName().equals(localName)).toList();
    }
}
