package io.alertwire.classifier.matching;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Runs an article's candidate topics on the Monitor's own one-document index, in one pass: first
 * whether the candidate matches at all (an iterator, no scores, no positions: most candidates do
 * not match), then, for a match only, the BM25 score of the topic's whole query and, if that score
 * is kept, the hits the highlights are cut from.
 *
 * <p>Lucene's {@link HighlightsMatch#MATCHER} computed match positions ({@code Weight.matches}) for
 * every candidate, and scoring needed a second one-document index built from the same article;
 * at 10,000 topics and more, with dozens to hundreds of candidates per feed item and one or two
 * matches, both were mostly wasted. Scores and hits stay what they were: the score is the whole
 * query's, collected as {@code MemoryIndex.search} collects it, and the hits are those of
 * {@code Weight.matches} on each matching part of the query, merged as {@link HighlightsMatch}
 * merges them.
 *
 * <p>The Monitor splits a query at its top-level OR into parts and runs each part that is a
 * candidate; a topic is scored once however many of its parts match.
 */
final class ScoredHighlightsMatcher extends CandidateMatcher<ScoredHighlightsMatch> {

    /** What the matcher needs to know about the topics of one article. */
    interface Topics {

        /** The topic's whole query, to score it with; {@code null} when the topic is not wanted for this article. */
        Query scoringQuery(String topicId);

        /** Whether a match with this raw score is kept (then its highlights are worth computing). */
        boolean keeps(String topicId, float score);
    }

    private final Topics topics;
    private final LeafReaderContext leaf;
    /** Topics already scored for this article, with whether their match is kept. */
    private final Map<String, ScoredHighlightsMatch> scored = new HashMap<>();

    private ScoredHighlightsMatcher(IndexSearcher searcher, Topics topics) {
        super(searcher);
        this.topics = topics;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        if (leaves.size() != 1 || searcher.getIndexReader().maxDoc() != 1) {
            throw new IllegalStateException("matches one article at a time, got " + searcher.getIndexReader().maxDoc());
        }
        this.leaf = leaves.get(0);
        // the article's index has one document: caching query results over it costs more than it saves
        searcher.setQueryCache(null);
    }

    /** A factory for {@code Monitor.match(document, …)}, one article at a time. */
    static MatcherFactory<ScoredHighlightsMatch> factory(Topics topics) {
        return searcher -> new ScoredHighlightsMatcher(searcher, topics);
    }

    @Override
    protected void matchQuery(String topicId, Query part, Map<String, String> metadata) throws IOException {
        Query whole = topics.scoringQuery(topicId);
        if (whole == null) {
            return;
        }
        // registered parts are rewritten already (PreparedPartsDecomposer): rewriting again walks the whole tree
        Weight matching = searcher.createWeight(part, ScoreMode.COMPLETE_NO_SCORES, 1);
        if (!matchesTheArticle(matching)) {
            return;
        }
        ScoredHighlightsMatch match = scored.get(topicId);
        if (match == null) {
            float score = score(whole);
            match = new ScoredHighlightsMatch(topicId, score);
            scored.put(topicId, match);
            if (!topics.keeps(topicId, score)) {
                return;
            }
        } else if (!topics.keeps(topicId, match.score())) {
            return;
        }
        ScoredHighlightsMatch withHits = new ScoredHighlightsMatch(topicId, match.score());
        Matches matches = matching.matches(leaf, 0);
        if (matches != null) {
            addHits(matches, withHits);
        }
        addMatch(withHits, 0);
    }

    @Override
    public ScoredHighlightsMatch resolve(ScoredHighlightsMatch match1, ScoredHighlightsMatch match2) {
        return match1.merge(match2);
    }

    private boolean matchesTheArticle(Weight weight) throws IOException {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
            return false;
        }
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        DocIdSetIterator approximation = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
        return approximation.nextDoc() == 0 && (twoPhase == null || twoPhase.matches());
    }

    /** The query's score on the article, collected the way {@code MemoryIndex.search} collects it. */
    private float score(Query query) throws IOException {
        return searcher.search(query, new CollectorManager<SimpleCollector, Float>() {
            private final float[] score = new float[1];

            @Override
            public SimpleCollector newCollector() {
                return new SimpleCollector() {
                    private Scorable scorer;

                    @Override
                    public void setScorer(Scorable scorer) {
                        this.scorer = scorer;
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        score[0] = scorer.score();
                    }

                    @Override
                    public ScoreMode scoreMode() {
                        return ScoreMode.COMPLETE;
                    }
                };
            }

            @Override
            public Float reduce(Collection<SimpleCollector> collectors) {
                return score[0];
            }
        });
    }

    /** The hits as {@link HighlightsMatch} records them: a match's sub-matches when it has some, else the match. */
    private static void addHits(Matches matches, ScoredHighlightsMatch match) throws IOException {
        for (String field : matches) {
            MatchesIterator each = matches.getMatches(field);
            while (each != null && each.next()) {
                MatchesIterator sub = each.getSubMatches();
                if (sub != null) {
                    while (sub.next()) {
                        match.addHit(field, hit(sub));
                    }
                } else {
                    match.addHit(field, hit(each));
                }
            }
        }
    }

    private static HighlightsMatch.Hit hit(MatchesIterator at) throws IOException {
        return new HighlightsMatch.Hit(at.startPosition(), at.startOffset(), at.endPosition(), at.endOffset());
    }
}
