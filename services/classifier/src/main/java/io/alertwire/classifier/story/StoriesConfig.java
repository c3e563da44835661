package io.alertwire.classifier.story;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of story clustering. */
@ConfigMapping(prefix = "alertwire.classifier.stories")
public interface StoriesConfig {

    /**
     * How far apart in time (by {@code fetchedAt}, either way) two articles may be and still be put
     * in one story. Older copies start a new story: a report repeated a month later is news again.
     */
    @WithDefault("5d")
    Duration window();

    /**
     * How long the articles of a story are kept (for {@code GET /api/stories/{id}}, counted from
     * when the classifier recorded them); at least the window.
     */
    @WithDefault("30d")
    Duration retention();

    /** Estimated Jaccard similarity of the shingle sets from which two articles are one story. */
    @WithDefault("0.4")
    double minJaccard();

    /**
     * Estimated share of the smaller article's shingles found in the other from which two articles
     * are one story, however much longer the other is (a trimmed copy, an update).
     */
    @WithDefault("0.7")
    double minOverlap();

    /**
     * Fewest shingles the smaller article must have for {@link #minOverlap()} to count: a headline
     * alone is contained in too many texts.
     */
    @WithDefault("8")
    int minOverlapShingles();
}
