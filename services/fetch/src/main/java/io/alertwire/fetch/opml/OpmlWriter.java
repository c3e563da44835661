package io.alertwire.fetch.opml;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes subscriptions as OPML 2.0, the format every feed reader imports. */
public final class OpmlWriter {

    public static final String MEDIA_TYPE = "text/x-opml";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final Pattern INVALID_XML_CHARS =
            Pattern.compile("[^\\x{9}\\x{A}\\x{D}\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private OpmlWriter() {
    }

    /**
     * @param title the document's title
     * @param feeds the subscriptions, each written as {@code <outline type="rss" text title xmlUrl>},
     *        with {@code alertwire:pollInterval} and {@code alertwire:enabled} when known
     * @param created when the list was made
     */
    public static String write(String title, List<OpmlFeed> feeds, Instant created) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("alertwire", OpmlFeed.NAMESPACE);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("head");
            element(xml, "title", title);
            element(xml, "dateCreated", DateTimeFormatter.RFC_1123_DATE_TIME.format(created.atOffset(ZoneOffset.UTC)));
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
            xml.writeStartElement("body");
            for (OpmlFeed feed : feeds) {
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("outline");
                // "rss" is OPML's type for any subscription, whatever the feed's actual format
                xml.writeAttribute("type", "rss");
                String name = xmlChars(feed.name() == null ? feed.url() : feed.name());
                xml.writeAttribute("text", name);
                xml.writeAttribute("title", name);
                xml.writeAttribute("xmlUrl", xmlChars(feed.url()));
                // so that an export imported into another Alertwire keeps each source as it was
                if (feed.pollInterval() != null) {
                    xml.writeAttribute("alertwire", OpmlFeed.NAMESPACE, "pollInterval", feed.pollInterval().toString());
                }
                if (feed.enabled() != null) {
                    xml.writeAttribute("alertwire", OpmlFeed.NAMESPACE, "enabled", feed.enabled().toString());
                }
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write OPML to memory", e);
        }
        return out.toString();
    }

    /** The text without characters XML 1.0 cannot hold (control characters a name may carry). */
    private static String xmlChars(String text) {
        return INVALID_XML_CHARS.matcher(text).replaceAll("");
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
