package org.supvisors.rules;

import java.util.List;
import java.util.Optional;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Turns what the XML parser and the schema validator report into the loader's problems, one line each, naming the
 * file, line, column and element. The validator's messages (produced in the root locale, so in English) are
 * recognised by their {@code cvc-} code; a problem already reported by the {@link ElementTracker} is not repeated,
 * a value error becomes one line with the value and what was expected, anything else keeps the validator's words.
 */
final class SchemaErrors implements ErrorHandler {

    private static final int LONGEST_VALUE = 60;
    private static final String DOCTYPE_FEATURE = "disallow-doctype-decl";

    private final ElementTracker tracker;
    private final String file;
    private final List<String> problems;
    private final List<RulesMessage> warnings;

    SchemaErrors(ElementTracker tracker, String file, List<String> problems, List<RulesMessage> warnings) {
        this.tracker = tracker;
        this.file = file;
        this.problems = problems;
        this.warnings = warnings;
    }

    @Override
    public void warning(SAXParseException exception) {
        warnings.add(RulesMessage.warning(place(exception) + ": " + exception.getMessage()));
    }

    @Override
    public void error(SAXParseException exception) {
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        int colon = message.indexOf(':');
        String code = message.startsWith("cvc-") && colon > 0 ? message.substring(0, colon) : "";
        String reason = code.isEmpty() ? message : message.substring(colon + 1).strip();
        Optional<ElementTracker.Frame> current = tracker.current();
        if (current.isEmpty()) {
            problems.add(place(exception) + ": " + reason);
            return;
        }
        ElementTracker.Frame frame = current.get();
        if (code.equals("cvc-elt.1.a") && frame.parent == null) {
            problems.add(frame.place + ": " + frame.name
                    + (frame.namespace.isEmpty() ? "" : " (namespace " + frame.namespace + ")")
                    + ": unknown document element (expected: root, in no namespace)");
        } else if (code.startsWith("cvc-complex-type.2.4") && frame.misplaced) {
            return;
        } else if ((code.equals("cvc-complex-type.2.3") || code.equals("cvc-complex-type.2.2")
                || code.equals("cvc-type.3.1.2")) && (frame.contentReported || frame.parent != null && frame.misplaced)) {
            return;
        } else if ((code.equals("cvc-complex-type.3.2.2") || code.equals("cvc-complex-type.4"))
                && frame.attributesReported) {
            return;
        } else if (isValueCode(code) && frame.content != null && frame.content.textOnly()) {
            if (!frame.valueReported && !frame.contentReported) {
                frame.valueReported = true;
                problems.add(frame.place + ": " + frame.path() + ": \"" + shorten(frame.text.toString()) + "\""
                        + " (expected: " + frame.content.constraint() + ")");
            }
        } else {
            problems.add(frame.place + ": " + frame.path() + ": " + reason);
        }
    }

    @Override
    public void fatalError(SAXParseException exception) throws SAXException {
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        if (message.contains(DOCTYPE_FEATURE)) {
            problems.add(place(exception) + ": DOCTYPE not allowed (expected: no DTD and no entity declaration in a"
                    + " rules file)");
        } else {
            problems.add(place(exception) + ": not well-formed: " + message);
        }
        throw exception;
    }

    private Place place(SAXParseException exception) {
        return exception.getLineNumber() > 0
                ? new Place(file, exception.getLineNumber(), Math.max(exception.getColumnNumber(), 0))
                : tracker.here();
    }

    private static boolean isValueCode(String code) {
        return code.startsWith("cvc-datatype-valid") || code.startsWith("cvc-type.3.1.3")
                || code.equals("cvc-enumeration-valid") || code.endsWith("Inclusive-valid")
                || code.endsWith("Exclusive-valid") || code.equals("cvc-pattern-valid")
                || code.endsWith("Length-valid") || code.equals("cvc-length-valid")
                || code.endsWith("Digits-valid");
    }

    /** A value as shown in a one-line message: line breaks and tabs escaped, long values cut. */
    static String shorten(String value) {
        String shown = value.length() <= LONGEST_VALUE ? value : value.substring(0, LONGEST_VALUE) + "...";
        return shown.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
