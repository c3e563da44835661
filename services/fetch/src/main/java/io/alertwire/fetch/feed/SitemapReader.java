package io.alertwire.fetch.feed;

import io.alertwire.fetch.xml.SafeXml;
import io.alertwire.fetch.xml.XmlRefusedException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML sitemaps ({@code <urlset>}): each {@code <url>} is an item. A Google News sitemap adds
 * {@code <news:news>} with the title, publication date, language and keywords; a plain sitemap only
 * has {@code <loc>} and {@code <lastmod>}, so the title is made from the URL's last path segment.
 * Elements are matched by local name, so a sitemap with a wrong or missing namespace still reads.
 */
final class SitemapReader implements FeedFormatReader {

    private final FeedKind kind;

    SitemapReader(FeedKind kind) {
        this.kind = kind;
    }

    /** What is collected while inside one {@code <url>}. */
    private static final class UrlItem {
        String loc;
        String lastmod;
        String title;
        String publicationDate;
        String language;
        String keywords;
    }

    @Override
    public FeedDocument read(String text) throws FeedRejectedException {
        List<FeedEntry> entries = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = SafeXml.reader(text);
            UrlItem item = null;
            String language = null;
            while (reader.hasNext()) {
                int event = SafeXml.next(reader);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (name.equals("url")) {
                        item = new UrlItem();
                    } else if (item != null) {
                        switch (name) {
                            case "loc" -> item.loc = reader.getElementText();
                            case "lastmod" -> item.lastmod = reader.getElementText();
                            case "title" -> item.title = reader.getElementText();
                            case "publication_date" -> item.publicationDate = reader.getElementText();
                            case "language" -> item.language = reader.getElementText();
                            case "keywords" -> item.keywords = reader.getElementText();
                            default -> {
                                // images, videos, alternates: not needed for an article
                            }
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("url")
                        && item != null) {
                    if (item.language != null && language == null) {
                        language = item.language;
                    }
                    entries.add(toEntry(item));
                    item = null;
                }
            }
            return new FeedDocument(kind.label(), language, entries, null);
        } catch (XmlRefusedException e) {
            throw new FeedRejectedException(e.getMessage());
        } catch (XMLStreamException e) {
            throw new FeedRejectedException("not a feed: " + SafeXml.describe(e));
        } finally {
            FeedKindDetector.close(reader);
        }
    }

    private static FeedEntry toEntry(UrlItem item) {
        String loc = item.loc == null ? null : item.loc.strip();
        Instant published = LenientDates.parse(item.publicationDate);
        if (published == null) {
            published = LenientDates.parse(item.lastmod);
        }
        List<String> keywords = new ArrayList<>();
        if (item.keywords != null) {
            for (String keyword : item.keywords.split(",")) {
                if (!keyword.isBlank()) {
                    keywords.add(keyword.strip());
                }
            }
        }
        String title = item.title != null && !item.title.isBlank() ? item.title : titleFromUrl(loc);
        return new FeedEntry(loc == null ? List.of() : List.of(loc), null, title, null, null, published,
                List.of(), keywords, item.language);
    }

    /** "https://x.example/2026/11/seoul-proposes-talks.html" becomes "seoul proposes talks". */
    static String titleFromUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            String path = URI.create(url).getRawPath();
            if (path == null) {
                return null;
            }
            String[] segments = path.split("/");
            for (int i = segments.length - 1; i >= 0; i--) {
                String segment = URLDecoder.decode(segments[i], StandardCharsets.UTF_8)
                        .replaceFirst("\\.[A-Za-z0-9]{2,5}$", "")
                        .replaceAll("[-_+]+", " ").strip();
                if (!segment.isEmpty() && !segment.matches("\\d+")) {
                    return segment;
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
