package io.alertwire.fetch.xml;

import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers for documents from strangers (feeds, sitemaps, OPML uploads). A DOCTYPE is refused
 * outright rather than merely not processed: a document that declares one is either hostile (external
 * entities, entity expansion) or relies on entities we will not resolve, and the operator should
 * read that, not a puzzling "undeclared entity" error further down.
 */
public final class SafeXml {

    private static final XMLInputFactory FACTORY = newFactory();

    private SafeXml() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** A namespace-aware, coalescing reader of already decoded text. */
    public static XMLStreamReader reader(String text) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(new StringReader(text));
    }

    /**
     * Advances to the next event, refusing a DTD.
     *
     * @throws XmlRefusedException on a DOCTYPE declaration
     */
    public static int next(XMLStreamReader reader) throws XMLStreamException, XmlRefusedException {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
            throw new XmlRefusedException(XmlRefusedException.DOCTYPE);
        }
        return event;
    }

    /** A parse error as an operator reads it: what and where, without parser class names. */
    public static String describe(XMLStreamException e) {
        String message = e.getMessage() == null ? "unknown error" : e.getMessage();
        // the JDK's messages start with "ParseError at [row,col]:[2,5]\nMessage: ..."
        int at = message.indexOf("Message: ");
        String what = at >= 0 ? message.substring(at + "Message: ".length()) : message;
        what = what.strip().replaceAll("\\s+", " ");
        if (what.length() > 300) {
            what = what.substring(0, 300) + "…";
        }
        return e.getLocation() != null && e.getLocation().getLineNumber() > 0
                ? "malformed XML at line " + e.getLocation().getLineNumber() + ": " + what
                : "malformed XML: " + what;
    }
}
