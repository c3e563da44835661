package io.alertwire.classifier.article;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of article consumption and match publishing. */
@ConfigMapping(prefix = "alertwire.classifier.articles")
public interface ArticlesConfig {

    /**
     * How long the consumer waits for the broker to acknowledge an article's matches before it
     * counts the attempt as failed and tries again (after {@link #retryFirstWait()} and longer).
     */
    @WithDefault("30s")
    Duration publishTimeout();

    /**
     * First wait before an article whose story or matches could not be stored or published (database or
     * broker unavailable) is tried again; the wait doubles on each failure.
     */
    @WithDefault("1s")
    Duration retryFirstWait();

    /** Longest wait between two attempts at one article; it is retried until it goes through. */
    @WithDefault("30s")
    Duration retryLongestWait();

    /** Approximate length, in characters, of the snippet a match carries. */
    @WithDefault("240")
    int snippetLength();
}
