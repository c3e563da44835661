package io.alertwire.fetch.feed;

import com.rometools.rome.io.impl.XmlFixerReader;
import io.alertwire.fetch.xml.XmlRefusedException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.xml.sax.InputSource;

/**
 * Builds the XML tree ROME reads, and mends what makes ROME give up on feeds that any reader would
 * read: an Atom feed in a wrong or missing namespace, an RSS root with an unknown version or in a
 * namespace, RSS (or RDF) without {@code <channel>}, RSS 1.0 whose elements are not in the RSS 1.0
 * namespace, and channel elements we never use whose bad values make ROME throw (skipHours,
 * skipDays, cloud, image, textInput).
 *
 * <p>The parser refuses any DOCTYPE and never resolves entities; HTML entities that publishers use
 * without declaring them ({@code &nbsp;}, {@code &uuml;}) are turned into characters first by
 * ROME's {@link XmlFixerReader}, as ROME's own XML healer does.
 */
final class RomeDocuments {

    static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    static final String ATOM_03 = "http://purl.org/atom/ns#";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String RSS_10 = "http://purl.org/rss/1.0/";
    static final String RSS_090 = "http://my.netscape.com/rdf/simple/0.9/";
    private static final Set<String> RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");
    private static final Set<String> UNUSED_CHANNEL_ELEMENTS =
            Set.of("skipHours", "skipDays", "cloud", "image", "textInput", "textinput");

    private RomeDocuments() {
    }

    /** Parses and mends a document already known to be RSS, RDF or Atom by its root element. */
    static Document build(String text) throws FeedRejectedException {
        Document document;
        try {
            document = builder().build(new InputSource(new XmlFixerReader(new StringReader(text))));
        } catch (JDOMParseException e) {
            if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
                throw new FeedRejectedException(XmlRefusedException.DOCTYPE);
            }
            String detail = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : e.getMessage();
            throw new FeedRejectedException("not a feed: malformed XML at line " + e.getLineNumber() + ": "
                    + shorten(detail));
        } catch (JDOMException | IOException e) {
            throw new FeedRejectedException("not a feed: malformed XML: " + shorten(e.getMessage()));
        }
        mend(document.getRootElement());
        return document;
    }

    private static SAXBuilder builder() {
        SAXBuilder builder = new SAXBuilder();
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setExpandEntities(false);
        return builder;
    }

    private static void mend(Element root) {
        switch (root.getName()) {
            case "feed" -> {
                String uri = root.getNamespaceURI();
                if (!uri.equals(ATOM_10.getURI()) && !uri.equals(ATOM_03)) {
                    moveNamespace(root, root.getNamespace(), ATOM_10);
                }
            }
            case "rss" -> mendRss(root);
            case "RDF" -> mendRdf(root);
            default -> {
                // the detector let only these three roots through
            }
        }
    }

    private static void mendRss(Element root) {
        if (root.getNamespace() != Namespace.NO_NAMESPACE) {
            moveNamespace(root, root.getNamespace(), Namespace.NO_NAMESPACE);
        }
        String version = root.getAttributeValue("version");
        if (version == null || !RSS_VERSIONS.contains(version.strip())) {
            root.setAttribute("version", "2.0");
        }
        Element channel = root.getChild("channel");
        if (channel == null) {
            channel = new Element("channel");
            List<Element> children = new ArrayList<>(root.getChildren());
            for (Element child : children) {
                channel.addContent(child.detach());
            }
            root.addContent(channel);
        }
        for (String unused : UNUSED_CHANNEL_ELEMENTS) {
            channel.removeChildren(unused);
        }
    }

    private static void mendRdf(Element root) {
        boolean declared = root.getAdditionalNamespaces().stream()
                .anyMatch(ns -> ns.getURI().equals(RSS_10) || ns.getURI().equals(RSS_090))
                || root.getNamespaceURI().equals(RSS_10) || root.getNamespaceURI().equals(RSS_090);
        Namespace rss = Namespace.getNamespace(RSS_10);
        for (Element child : new ArrayList<>(root.getChildren())) {
            String uri = child.getNamespaceURI();
            boolean inRss = uri.equals(RSS_10) || uri.equals(RSS_090);
            if (!inRss && !uri.equals(RDF)) {
                moveNamespace(child, child.getNamespace(), rss);
            }
        }
        if (!declared) {
            root.addNamespaceDeclaration(Namespace.getNamespace("rss", RSS_10));
        }
        boolean hasChannel = root.getChildren().stream().anyMatch(child -> child.getName().equals("channel"));
        if (!hasChannel) {
            // ROME recognises RSS 0.90/1.0 by its channel: items alone are enough for us
            boolean rss090 = root.getChildren().stream().anyMatch(child -> child.getNamespaceURI().equals(RSS_090));
            root.addContent(0, new Element("channel", rss090 ? Namespace.getNamespace(RSS_090) : rss));
        }
        for (Element channel : root.getChildren()) {
            if (channel.getName().equals("channel")) {
                for (String unused : UNUSED_CHANNEL_ELEMENTS) {
                    channel.removeChildren(unused, channel.getNamespace());
                }
            }
        }
        for (String unused : UNUSED_CHANNEL_ELEMENTS) {
            for (Element child : new ArrayList<>(root.getChildren())) {
                if (child.getName().equals(unused)) {
                    child.detach();
                }
            }
        }
    }

    /** Moves an element and its descendants from one namespace to another. */
    private static void moveNamespace(Element element, Namespace from, Namespace to) {
        if (element.getNamespace().equals(from)) {
            element.setNamespace(to);
        }
        for (Element child : element.getChildren()) {
            moveNamespace(child, from, to);
        }
    }

    private static String shorten(String text) {
        if (text == null) {
            return "unknown error";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
