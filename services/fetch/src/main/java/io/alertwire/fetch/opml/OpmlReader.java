package io.alertwire.fetch.opml;

import io.alertwire.fetch.xml.DecodedText;
import io.alertwire.fetch.xml.SafeXml;
import io.alertwire.fetch.xml.XmlRefusedException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the subscriptions of an OPML file (1.0 or 2.0), however deeply its outlines nest into
 * folders. Parsed with {@link SafeXml}: a DOCTYPE is refused, so an upload cannot make the service
 * read local files or expand entities. Attribute names are matched ignoring case, since exporters
 * write {@code xmlUrl}, {@code xmlurl} and {@code XMLURL}.
 */
public final class OpmlReader {

    private OpmlReader() {
    }

    /**
     * @param body the uploaded bytes (the caller caps their size)
     * @param contentType the request's Content-Type, for its charset, or null
     * @return the feeds in document order, repeats included
     * @throws InvalidOpmlException when the body is not a well-formed, acceptable OPML document
     */
    public static List<OpmlFeed> read(byte[] body, String contentType) throws InvalidOpmlException {
        String text = DecodedText.of(body, contentType).stripLeading();
        if (text.isEmpty()) {
            throw new InvalidOpmlException("the body is empty, expected an OPML document");
        }
        XMLStreamReader reader = null;
        try {
            reader = SafeXml.reader(text);
            List<OpmlFeed> feeds = new ArrayList<>();
            boolean rootSeen = false;
            while (reader.hasNext()) {
                if (SafeXml.next(reader) != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!rootSeen) {
                    rootSeen = true;
                    if (!reader.getLocalName().equalsIgnoreCase("opml")) {
                        throw new InvalidOpmlException("not OPML: the root element is <" + reader.getLocalName()
                                + ">, expected <opml>");
                    }
                } else if (reader.getLocalName().equalsIgnoreCase("outline")) {
                    String url = attribute(reader, "xmlUrl");
                    if (url != null && !url.isBlank()) {
                        String title = attribute(reader, "title");
                        String name = title != null && !title.isBlank() ? title : attribute(reader, "text");
                        feeds.add(new OpmlFeed(url.strip(), name == null || name.isBlank() ? null : name.strip(),
                                interval(alertwireAttribute(reader, "pollInterval")),
                                bool(alertwireAttribute(reader, "enabled"))));
                    }
                }
            }
            if (!rootSeen) {
                throw new InvalidOpmlException("not OPML: the document has no root element");
            }
            return feeds;
        } catch (XmlRefusedException e) {
            throw new InvalidOpmlException(e.getMessage());
        } catch (XMLStreamException e) {
            throw new InvalidOpmlException("not OPML: " + SafeXml.describe(e));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // in-memory reader: nothing to release
                }
            }
        }
    }

    /** An attribute in Alertwire's namespace (see {@link OpmlFeed#NAMESPACE}); the prefix may be any. */
    private static String alertwireAttribute(XMLStreamReader reader, String name) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (OpmlFeed.NAMESPACE.equals(reader.getAttributeNamespace(i))
                    && reader.getAttributeLocalName(i).equals(name)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    /** An ISO-8601 duration, or null: a bad value leaves the importer's default in place. */
    private static Duration interval(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Boolean bool(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        return text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    private static String attribute(XMLStreamReader reader, String name) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }
}
