package io.alertwire.classifier.matching;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.QueryMatch;

/**
 * A topic that matched an article: the BM25 score of its whole query on the article, and where its
 * words matched ({@link HighlightsMatch.Hit}s per field, kept and merged exactly as Lucene's
 * {@link HighlightsMatch} keeps them). Hits are empty when the score was too low to keep the match.
 */
final class ScoredHighlightsMatch extends QueryMatch {

    private final float score;
    private final Map<String, Set<HighlightsMatch.Hit>> hits = new TreeMap<>();

    ScoredHighlightsMatch(String topicId, float score) {
        super(topicId);
        this.score = score;
    }

    /** The raw BM25 score of the topic's query on the article (0 when it did not score). */
    float score() {
        return score;
    }

    /** Field → hits in position order; a hit at the same positions as another is kept once. */
    Map<String, Set<HighlightsMatch.Hit>> hits() {
        return Collections.unmodifiableMap(hits);
    }

    void addHit(String field, HighlightsMatch.Hit hit) {
        hits.computeIfAbsent(field, f -> new TreeSet<>()).add(hit);
    }

    /** This match with the hits of {@code other} (another part of the same topic's query) added. */
    ScoredHighlightsMatch merge(ScoredHighlightsMatch other) {
        ScoredHighlightsMatch merged = new ScoredHighlightsMatch(getQueryId(), score);
        for (ScoredHighlightsMatch match : new ScoredHighlightsMatch[] {this, other}) {
            match.hits.forEach((field, fieldHits) -> fieldHits.forEach(hit -> merged.addHit(field, hit)));
        }
        return merged;
    }
}
