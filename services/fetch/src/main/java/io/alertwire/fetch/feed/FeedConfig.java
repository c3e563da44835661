package io.alertwire.fetch.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How feed entries become articles. */
@ConfigMapping(prefix = "alertwire.fetch")
public interface FeedConfig {

    /**
     * Entries published longer ago than this are skipped: a new source's back catalogue is not news.
     * Entries without a date are kept.
     */
    @WithDefault("P7D")
    Duration maxArticleAge();
}
