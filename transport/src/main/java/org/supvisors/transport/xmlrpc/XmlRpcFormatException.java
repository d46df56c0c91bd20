package org.supvisors.transport.xmlrpc;

/**
 * An XML document that is not an acceptable XML-RPC message: malformed XML, a DOCTYPE, an entity reference, an
 * unknown element or a value that does not parse. The server answers it with HTTP 400 and {@link #getMessage()}.
 */
final class XmlRpcFormatException extends Exception {

    XmlRpcFormatException(String message) {
        super(message, null, false, false);
    }
}
