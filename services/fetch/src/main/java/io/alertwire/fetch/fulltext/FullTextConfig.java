package io.alertwire.fetch.fulltext;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Full-text extraction for the sources that ask for it ({@code fullText: true}). */
@ConfigMapping(prefix = "alertwire.fetch.full-text")
public interface FullTextConfig {

    /**
     * At most this many article pages are downloaded per fetch of a feed; the newest articles of a
     * feed that brought more keep the feed's text. Bounds the time one fetch holds its worker.
     */
    @WithDefault("20")
    int maxPagesPerFetch();

    /**
     * No new page download starts this long after the first one of a fetch, so that a slow site
     * cannot hold a worker past the source's lease (alertwire.fetch.lease, 2 minutes).
     */
    @WithDefault("60s")
    Duration budget();

    /**
     * Text extracted from a page shorter than this (characters) is taken as a failed extraction
     * (a consent wall, a video page, a teaser): the article keeps the feed's text.
     */
    @WithDefault("200")
    int minChars();
}
