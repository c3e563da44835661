package io.alertwire.fetch.feed;

import io.alertwire.fetch.xml.SafeXml;
import io.alertwire.fetch.xml.XmlRefusedException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Tells the kind of a document from its content, never from its URL or Content-Type (both lie):
 * JSON with a jsonfeed.org version is a JSON Feed; otherwise the XML root element decides —
 * {@code rss} or RDF ({@code rdf:RDF}, RSS 0.90/1.0) is RSS, {@code feed} is Atom, {@code urlset}
 * is a sitemap, a Google News one when it declares the news namespace.
 *
 * <p>A DOCTYPE without an internal subset (RSS 0.91's Netscape DOCTYPE, say) declares no entity
 * here and its external DTD is never loaded, so it is removed and the feed read; one with an
 * internal subset is refused, since that is where external and expanding entities live.
 */
final class FeedKindDetector {

    private static final String NEWS_NAMESPACE_MARK = "sitemap-news";
    /** Prolog (declaration, comments, processing instructions) then a DOCTYPE with no internal subset. */
    private static final Pattern HARMLESS_DOCTYPE = Pattern.compile(
            "^((?:\\s*(?:<\\?.*?\\?>|<!--.*?-->))*\\s*)<!DOCTYPE\\s[^\\[>]*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_DOCTYPE = Pattern.compile(
            "^(?:\\s*(?:<\\?.*?\\?>|<!--.*?-->))*\\s*<!DOCTYPE\\s+html", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private FeedKindDetector() {
    }

    static SniffedDocument detect(String text, String contentType) throws FeedRejectedException {
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            throw new FeedRejectedException("not a feed: the document is empty");
        }
        if (trimmed.startsWith("{")) {
            return new SniffedDocument(FeedKind.JSON_FEED, trimmed);
        }
        if (trimmed.startsWith("[")) {
            throw new FeedRejectedException("not a feed: the document is JSON but not a JSON Feed");
        }
        String head = trimmed.substring(0, Math.min(trimmed.length(), 1024)).toLowerCase(Locale.ROOT);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        // an HTML page is named as such rather than reported as a refused DOCTYPE or bad XML
        if (head.startsWith("<html") || HTML_DOCTYPE.matcher(head).find()
                || (type.startsWith("text/html") && !head.startsWith("<?xml") && !head.startsWith("<rss")
                        && !head.startsWith("<feed"))) {
            throw new FeedRejectedException("not a feed: the document is HTML");
        }
        if (!trimmed.startsWith("<")) {
            throw new FeedRejectedException("not a feed: the document is neither XML nor JSON");
        }
        Matcher doctype = HARMLESS_DOCTYPE.matcher(trimmed);
        String xml = doctype.find() ? doctype.group(1) + trimmed.substring(doctype.end()) : trimmed;
        return new SniffedDocument(kindOfRoot(xml), xml);
    }

    private static FeedKind kindOfRoot(String xml) throws FeedRejectedException {
        XMLStreamReader reader = null;
        try {
            reader = SafeXml.reader(xml);
            while (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
                if (SafeXml.next(reader) == XMLStreamConstants.END_DOCUMENT) {
                    throw new FeedRejectedException("not a feed: the XML has no root element");
                }
            }
            String root = reader.getLocalName();
            switch (root.toLowerCase(Locale.ROOT)) {
                case "rss", "rdf":
                    return FeedKind.RSS;
                case "feed":
                    return FeedKind.ATOM;
                case "urlset":
                    return declaresNews(reader) ? FeedKind.NEWS_SITEMAP : FeedKind.SITEMAP;
                case "sitemapindex":
                    throw new FeedRejectedException(
                            "not a feed: a sitemap index; add the sitemaps it lists as sources instead");
                case "opml":
                    throw new FeedRejectedException("not a feed: an OPML subscription list; "
                            + "import it with POST /api/sources/import instead");
                case "html":
                    throw new FeedRejectedException("not a feed: the document is HTML");
                default:
                    throw new FeedRejectedException("not a feed: the XML root element <" + root
                            + "> is none of RSS, RDF, Atom or a sitemap");
            }
        } catch (XmlRefusedException e) {
            throw new FeedRejectedException(e.getMessage());
        } catch (XMLStreamException e) {
            throw new FeedRejectedException("not a feed: " + SafeXml.describe(e));
        } finally {
            close(reader);
        }
    }

    private static boolean declaresNews(XMLStreamReader reader) {
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String uri = reader.getNamespaceURI(i);
            if (uri != null && uri.contains(NEWS_NAMESPACE_MARK)) {
                return true;
            }
        }
        return false;
    }

    static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing to release for an in-memory reader
            }
        }
    }
}
