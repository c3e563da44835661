package io.alertwire.classifier.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of article matching. */
@ConfigMapping(prefix = "alertwire.classifier.matching")
public interface MatchingConfig {

    /**
     * The {@code k} of the score transform {@code s / (s + k)} that maps a BM25 score {@code s} into
     * 0..1: the raw score that becomes 0.5. Lower values push scores towards 1.
     */
    @WithDefault("1.0")
    double scoreSaturation();

    /** At most this many distinct highlights are reported per match. */
    @WithDefault("20")
    int maxHighlights();

    /**
     * How long {@code /api/classify} waits for the topics to be loaded after start before it
     * answers 503.
     */
    @WithDefault("10s")
    Duration startupWait();
}
