package io.alertwire.fetch.feed;

import java.time.Duration;
import java.util.List;

/**
 * A document read by one of the format readers.
 *
 * @param kind {@code rss}, {@code atom}, {@code jsonfeed}, {@code sitemap} or {@code news-sitemap}
 * @param language the document's declared language, or null
 * @param entries its items in document order
 * @param ttl how long the publisher asks readers to wait before fetching again (RSS {@code <ttl>}), or null
 * @param hubLinks the WebSub hubs and self URL the document names
 */
public record FeedDocument(String kind, String language, List<FeedEntry> entries, Duration ttl, HubLinks hubLinks) {

    public FeedDocument {
        entries = List.copyOf(entries);
        hubLinks = hubLinks == null ? HubLinks.NONE : hubLinks;
    }

    /** A document that names no WebSub hub. */
    public FeedDocument(String kind, String language, List<FeedEntry> entries, Duration ttl) {
        this(kind, language, entries, ttl, HubLinks.NONE);
    }
}
