package org.supvisors.rules;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;

import org.supvisors.rules.xml.Root;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.UnmarshallerHandler;

/**
 * Reads one rules file in one pass: a hardened SAX parser (no DTD, no external entity or schema, secure processing)
 * feeds the {@link ElementTracker}, then the validator of the rules XSD, then JAXB. Every problem of the file is
 * collected; JAXB is fed only while there is none, and its result is used only if the whole file is valid.
 * Reusable, one reading at a time: each reading builds its own parser, validator and unmarshaller.
 */
final class RulesFileReader {

    /** What reading a file gave: its document if it is valid, otherwise its problems. */
    record Reading(String file, Optional<Root> root, ElementPlaces places, List<String> problems,
                   List<RulesMessage> warnings) {
    }

    /** Xerces' locale property: with the root locale its messages are its English originals, whatever the JVM's. */
    private static final String LOCALE = "http://apache.org/xml/properties/locale";

    private final SchemaOutline outline;
    private final Schema schema;
    private final JAXBContext context;
    private final SAXParserFactory parsers;

    RulesFileReader() {
        outline = SchemaOutline.load();
        try {
            schema = compileSchema();
            context = JAXBContext.newInstance(Root.class);
            parsers = hardenedParsers();
        } catch (SAXException | JAXBException | ParserConfigurationException e) {
            throw new IllegalStateException("rules schema: cannot be prepared: " + e.getMessage(), e);
        }
    }

    private static Schema compileSchema() throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        URL xsd = RulesFileReader.class.getResource(SchemaOutline.XSD_RESOURCE);
        if (xsd == null) {
            throw new IllegalStateException(SchemaOutline.XSD_RESOURCE + ": missing from the class path");
        }
        try (InputStream input = xsd.openStream()) {
            return factory.newSchema(new StreamSource(input, xsd.toExternalForm()));
        } catch (IOException e) {
            throw new IllegalStateException(SchemaOutline.XSD_RESOURCE + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static SAXParserFactory hardenedParsers() throws SAXException, ParserConfigurationException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory;
    }

    /** Reads a file; never throws: an unreadable file is a problem like the others. */
    Reading read(Path path) {
        String file = path.toString();
        ElementPlaces places = new ElementPlaces(file);
        List<String> problems = new ArrayList<>();
        List<RulesMessage> warnings = new ArrayList<>();
        ElementTracker tracker = new ElementTracker(outline, places, problems);
        SchemaErrors errors = new SchemaErrors(tracker, file, problems, warnings);
        UnmarshallerHandler unmarshaller;
        try {
            XMLReader reader = parsers.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            englishMessages(reader);
            ValidatorHandler validator = schema.newValidatorHandler();
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setProperty(LOCALE, Locale.ROOT);
            validator.setErrorHandler(errors);
            Unmarshaller binder = context.createUnmarshaller();
            binder.setEventHandler(event -> {
                problems.add(tracker.here() + ": " + event.getMessage());
                return true;
            });
            unmarshaller = binder.getUnmarshallerHandler();
            validator.setContentHandler(new UntilFirstProblem(unmarshaller, problems));
            tracker.setParent(reader);
            tracker.setContentHandler(validator);
            tracker.setErrorHandler(errors);
        } catch (SAXException | ParserConfigurationException | JAXBException e) {
            throw new IllegalStateException("rules parser: cannot be prepared: " + e.getMessage(), e);
        }
        try (InputStream input = Files.newInputStream(path)) {
            InputSource source = new InputSource(input);
            source.setSystemId(path.toUri().toString());
            tracker.parse(source);
        } catch (SAXParseException e) {
            if (problems.isEmpty()) {
                problems.add(tracker.here() + ": not well-formed: " + e.getMessage());
            }
        } catch (SAXException e) {
            problems.add(tracker.here() + ": " + e.getMessage());
        } catch (IOException e) {
            problems.add(file + ": cannot be read: " + e);
        }
        if (!problems.isEmpty()) {
            return new Reading(file, Optional.empty(), places, problems, warnings);
        }
        try {
            return new Reading(file, Optional.of((Root) unmarshaller.getResult()), places, problems, warnings);
        } catch (JAXBException | IllegalStateException e) {
            problems.add(file + ": cannot be bound: " + e.getMessage());
            return new Reading(file, Optional.empty(), places, problems, warnings);
        }
    }

    /** The SAX 1 way to choose the locale of a parser's messages, the only one the JDK's parser honours. */
    @SuppressWarnings("deprecation")
    private static void englishMessages(XMLReader reader) throws SAXException {
        if (reader instanceof org.xml.sax.Parser parser) {
            parser.setLocale(Locale.ROOT);
        }
    }

    /** Passes the document on to JAXB until the first problem: an invalid document is never bound. */
    private static final class UntilFirstProblem extends XMLFilterImpl {
        private final List<String> problems;

        UntilFirstProblem(ContentHandler next, List<String> problems) {
            this.problems = problems;
            setContentHandler(next);
        }

        private boolean open() {
            return problems.isEmpty();
        }

        @Override
        public void startDocument() throws SAXException {
            if (open()) {
                super.startDocument();
            }
        }

        @Override
        public void endDocument() throws SAXException {
            if (open()) {
                super.endDocument();
            }
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            if (open()) {
                super.startPrefixMapping(prefix, uri);
            }
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            if (open()) {
                super.endPrefixMapping(prefix);
            }
        }

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes atts)
                throws SAXException {
            if (open()) {
                super.startElement(uri, localName, qName, atts);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (open()) {
                super.endElement(uri, localName, qName);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (open()) {
                super.characters(ch, start, length);
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            if (open()) {
                super.ignorableWhitespace(ch, start, length);
            }
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            if (open()) {
                super.processingInstruction(target, data);
            }
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            if (open()) {
                super.skippedEntity(name);
            }
        }
    }
}
