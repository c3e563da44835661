package io.alertwire.classifier.article;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of article consumption and match publishing. */
@ConfigMapping(prefix = "alertwire.classifier.articles")
public interface ArticlesConfig {

    /**
     * How long the consumer waits for the broker to acknowledge an article's matches; on timeout
     * the article fails and is dead-lettered rather than silently acknowledged.
     */
    @WithDefault("30s")
    Duration publishTimeout();

    /** Approximate length, in characters, of the snippet a match carries. */
    @WithDefault("240")
    int snippetLength();
}
