package org.supvisors.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Follows the elements of a rules file on their way from the parser to the schema validator: keeps the open elements,
 * their places and text, records the places of children ({@link ElementPlaces}), and reports every misplaced
 * element, repeated child, stray text and unknown or missing attribute, checked against the {@link SchemaOutline}.
 * The validator stops checking the children of a parent after its first problem; this keeps going, so that one
 * reading lists every problem. The validator's own messages are then translated against the open elements
 * ({@link SchemaErrors}).
 */
final class ElementTracker extends XMLFilterImpl {

    /** An open element. */
    static final class Frame {
        final String name;
        final String namespace;
        final Place place;
        final SchemaOutline.Content content;
        final String nameAttribute;
        final String patternAttribute;
        final Frame parent;
        final Map<String, Place> children = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();
        boolean misplaced;
        boolean contentReported;
        boolean attributesReported;
        boolean valueReported;

        Frame(String name, String namespace, Place place, SchemaOutline.Content content, Attributes attributes,
              Frame parent) {
            this.name = name;
            this.namespace = namespace;
            this.place = place;
            this.content = content;
            this.nameAttribute = attributes.getValue("", "name");
            this.patternAttribute = attributes.getValue("", "pattern");
            this.parent = parent;
        }

        /** The element and its ancestors below the document element: {@code application "a" > start_sequence}. */
        String path() {
            List<String> names = new ArrayList<>();
            for (Frame frame = this; frame != null && (frame.parent != null || frame == this); frame = frame.parent) {
                names.add(0, frame.describe());
            }
            return String.join(" > ", names);
        }

        private String describe() {
            return ElementTracker.describe(name, nameAttribute, patternAttribute);
        }
    }

    /** An element in messages: {@code application "a"}, {@code program pattern "p_"}, or its name alone. */
    static String describe(String element, String nameAttribute, String patternAttribute) {
        if (nameAttribute != null) {
            return element + " \"" + nameAttribute + "\"";
        }
        if (patternAttribute != null) {
            return element + " pattern \"" + patternAttribute + "\"";
        }
        return element;
    }

    private final SchemaOutline outline;
    private final ElementPlaces places;
    private final List<String> problems;
    private final Deque<Frame> open = new ArrayDeque<>();
    private Locator locator;
    private Place lastEnd = Place.of("");

    ElementTracker(SchemaOutline outline, ElementPlaces places, List<String> problems) {
        this.outline = outline;
        this.places = places;
        this.problems = problems;
    }

    /** The innermost open element, if any. */
    Optional<Frame> current() {
        return Optional.ofNullable(open.peek());
    }

    /** Where the parser is. */
    Place here() {
        return locator == null ? Place.of(places.file())
                : new Place(places.file(), locator.getLineNumber(), locator.getColumnNumber());
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
        super.setDocumentLocator(locator);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        Frame parent = open.peek();
        Place place = here();
        SchemaOutline.Content content = null;
        if (parent == null) {
            if (uri.isEmpty() && localName.equals(outline.rootName())) {
                content = outline.root();
            }
        } else if (parent.content != null) {
            content = checkChild(parent, uri, qName, localName, place);
        }
        Frame frame = new Frame(qName, uri, place, content, atts, parent);
        if (parent != null) {
            frame.misplaced = parent.content != null && content == null;
        }
        if (content != null) {
            checkAttributes(frame, atts);
        }
        open.push(frame);
        lastEnd = place;
        super.startElement(uri, localName, qName, atts);
    }

    private SchemaOutline.Content checkChild(Frame parent, String uri, String qName, String localName, Place place) {
        SchemaOutline.Content parentContent = parent.content;
        if (parentContent.textOnly()) {
            if (!parent.contentReported) {
                parent.contentReported = true;
                problems.add(place + ": " + parent.path() + " > " + qName + ": element not allowed (expected: text"
                        + " only in " + parent.name + ")");
            }
            return null;
        }
        Optional<SchemaOutline.Content> content = uri.isEmpty() ? outline.child(parentContent, localName)
                : Optional.empty();
        if (content.isEmpty()) {
            problems.add(place + ": " + parent.path() + " > " + qName + ": unknown element (expected in "
                    + parent.name + ": " + String.join(", ", parentContent.children().keySet()) + ")");
            return null;
        }
        Place first = parent.children.get(localName);
        if (first != null && !parentContent.repeated().contains(localName)) {
            problems.add(place + ": " + parent.path() + " > " + qName + ": element repeated (expected: at most one "
                    + localName + " in " + parent.name + ", the first at line " + first.line() + ")");
            return null;
        }
        parent.children.putIfAbsent(localName, place);
        places.recordChild(parent.place, localName, place);
        return content.get();
    }

    private void checkAttributes(Frame frame, Attributes atts) {
        SchemaOutline.Content content = frame.content;
        for (int i = 0; i < atts.getLength(); i++) {
            String uri = atts.getURI(i);
            if (XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(uri)) {
                continue;
            }
            if (!uri.isEmpty() || !content.attributes().contains(atts.getLocalName(i))) {
                frame.attributesReported = true;
                problems.add(frame.place + ": " + frame.path() + ": attribute " + atts.getQName(i) + "=\""
                        + atts.getValue(i) + "\" not allowed (expected: "
                        + (content.attributes().isEmpty() ? "no attribute" : String.join(", ", content.attributes()))
                        + ")");
            }
        }
        for (String required : content.required()) {
            if (atts.getIndex("", required) < 0) {
                frame.attributesReported = true;
                problems.add(frame.place + ": " + frame.path() + ": attribute " + required
                        + " missing (expected: a " + required + ")");
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        Frame frame = open.peek();
        if (frame != null) {
            if (frame.content != null && !frame.content.textOnly()) {
                String text = new String(ch, start, length).strip();
                if (!text.isEmpty() && !frame.contentReported) {
                    frame.contentReported = true;
                    problems.add(textPlace(ch, start, length) + ": " + frame.path() + ": text \""
                            + SchemaErrors.shorten(text) + "\" not allowed (expected: elements only)");
                }
            } else {
                frame.text.append(ch, start, length);
            }
        }
        lastEnd = here();
        super.characters(ch, start, length);
    }

    /**
     * Where the first non-blank character of a text is: the parser stands at the end of the text, so count back;
     * when the piece of text starts on the line of the previous markup, count on from the end of that markup.
     */
    private Place textPlace(char[] ch, int start, int length) {
        Place end = here();
        int first = start;
        while (first < start + length && Character.isWhitespace(ch[first])) {
            first++;
        }
        int newlinesAfter = 0;
        for (int i = first; i < start + length; i++) {
            newlinesAfter += ch[i] == '\n' ? 1 : 0;
        }
        int lastNewlineBefore = -1;
        for (int i = start; i < first; i++) {
            lastNewlineBefore = ch[i] == '\n' ? i : lastNewlineBefore;
        }
        int column;
        if (lastNewlineBefore >= 0) {
            column = first - lastNewlineBefore;
        } else if (newlinesAfter == 0) {
            column = end.column() - (start + length - first);
        } else {
            column = lastEnd.line() == end.line() - newlinesAfter ? lastEnd.column() + (first - start) : 1;
        }
        return new Place(end.file(), end.line() - newlinesAfter, Math.max(column, 1));
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        lastEnd = here();
        super.endElement(uri, localName, qName);
        open.pop();
    }
}
