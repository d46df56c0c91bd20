package org.supvisors.transport.supervisord;

import java.io.ObjectInputFilter;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.apache.xmlrpc.util.SAXParsers;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * The JVM-wide settings that make the Apache XML-RPC 3.1.3 client safe to use. {@code main} calls
 * {@link #install()} first thing, before any XML-RPC call and any other deserialization; a
 * {@link SupervisordClient} refuses to exist without it.
 *
 * <ul>
 * <li><b>CVE-2019-17570</b>: the response parser deserializes the {@code faultCause} of any fault with
 * {@link java.io.ObjectInputStream}, whatever the client settings: a hostile server runs a gadget chain. No
 * client setting prevents it; a JVM-wide {@link ObjectInputFilter} rejecting every class does (the fault then
 * reads as a transport error). The agent uses no Java serialization, so it rejects everything.</li>
 * <li><b>CVE-2016-5002</b> (XXE): the library's own parser factory blocks external entities but still fetches
 * external DTDs. The factory installed here refuses any {@code DOCTYPE} and enables secure processing;
 * supervisord's answers have none.</li>
 * <li><b>CVE-2016-5003</b>: vendor extensions ({@code ex:serializable}) stay off in every client configuration;
 * see {@link SupervisordClient}.</li>
 * </ul>
 */
public final class XmlRpcHardening {

    private static final System.Logger LOGGER = System.getLogger(XmlRpcHardening.class.getName());
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final ObjectInputFilter REJECT_ALL = new ObjectInputFilter() {
        @Override
        public Status checkInput(FilterInfo info) {
            return Status.REJECTED;
        }

        @Override
        public String toString() {
            return "reject every deserialization (CVE-2019-17570)";
        }
    };

    private XmlRpcHardening() {
    }

    /**
     * Installs both settings, once per JVM; later calls do nothing.
     *
     * @throws IllegalStateException if a JVM-wide serial filter was set before (e.g. {@code -Djdk.serialFilter})
     *     and it accepts a class; {@code -Djdk.serialFilter='!*'} is accepted
     */
    public static void install() {
        if (INSTALLED.get()) {
            return;
        }
        synchronized (INSTALLED) {
            if (INSTALLED.get()) {
                return;
            }
            installSerialFilter();
            SAXParsers.setSAXParserFactory(hardenedParserFactory());
            INSTALLED.set(true);
            LOGGER.log(System.Logger.Level.DEBUG, "XML-RPC hardening installed: serial filter rejects all, "
                    + "XML parser refuses DOCTYPE");
        }
    }

    /** True once {@link #install()} has run. */
    public static boolean isInstalled() {
        return INSTALLED.get();
    }

    /** A SAX parser factory that refuses DOCTYPE declarations, for any XML received from outside. */
    static SAXParserFactory hardenedParserFactory() {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("XML parser " + factory.getClass().getName()
                    + " cannot refuse DOCTYPE declarations (expected: the JDK's built-in parser): " + e.getMessage(), e);
        }
        return factory;
    }

    private static void installSerialFilter() {
        ObjectInputFilter current = ObjectInputFilter.Config.getSerialFilter();
        if (current == null) {
            ObjectInputFilter.Config.setSerialFilter(REJECT_ALL);
            return;
        }
        if (current == REJECT_ALL) {
            return;
        }
        ObjectInputFilter.Status status = current.checkInput(new ProbeInfo());
        if (status != ObjectInputFilter.Status.REJECTED) {
            throw new IllegalStateException("JVM-wide serial filter: " + current + " answers " + status
                    + " for java.util.HashMap (expected: REJECTED for every class, as -Djdk.serialFilter='!*' does; "
                    + "the XML-RPC client deserializes fault causes, CVE-2019-17570)");
        }
    }

    /** What a deserialization of a {@link java.util.HashMap} looks like to a filter. */
    private static final class ProbeInfo implements ObjectInputFilter.FilterInfo {
        @Override
        public Class<?> serialClass() {
            return java.util.HashMap.class;
        }

        @Override
        public long arrayLength() {
            return -1;
        }

        @Override
        public long depth() {
            return 1;
        }

        @Override
        public long references() {
            return 0;
        }

        @Override
        public long streamBytes() {
            return 0;
        }
    }
}
