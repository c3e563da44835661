package io.alertwire.fetch.feed;

import io.alertwire.events.ArticleEvent;
import java.time.Duration;
import java.util.List;

/**
 * A feed turned into articles.
 *
 * @param kind the detected format: {@code rss}, {@code atom}, {@code jsonfeed}, {@code sitemap} or
 *        {@code news-sitemap}
 * @param articles the entries worth publishing, in feed order, at most one per article id
 * @param skipped entries left out (no usable link, too old, repeated)
 * @param ttl how long the publisher asks readers to wait between fetches (RSS {@code <ttl>}), or null
 * @param hubLinks the WebSub hubs and self URL the document names
 */
public record ParsedFeed(String kind, List<ArticleEvent> articles, int skipped, Duration ttl, HubLinks hubLinks) {

    public ParsedFeed {
        articles = List.copyOf(articles);
        hubLinks = hubLinks == null ? HubLinks.NONE : hubLinks;
    }

    /** A feed that names no WebSub hub. */
    public ParsedFeed(String kind, List<ArticleEvent> articles, int skipped, Duration ttl) {
        this(kind, articles, skipped, ttl, HubLinks.NONE);
    }
}
