package io.alertwire.classifier.matching;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.search.Query;

/**
 * Splits a topic's query into the parts the Monitor indexes and runs separately (as Lucene's
 * {@link QueryDecomposer} does: at a top-level OR, an exclusion copied into each part), and
 * rewrites each part once, when the topic is registered ({@link PreparedQueries}).
 *
 * <p>Why: running a part on an article needs it rewritten, and rewriting even an already rewritten
 * query walks its whole tree again (about a quarter of the CPU time of a feed item at 10,000 topics
 * went there). A part split off a rewritten query is rewritten already, except where the
 * decomposer builds a new query around it (an exclusion); preparing every part here lets
 * {@link ScoredHighlightsMatcher} run parts as they are.
 */
final class PreparedPartsDecomposer extends QueryDecomposer {

    /** Lucene's decomposer, kept apart so that its recursion into sub-queries does not prepare each level. */
    private final QueryDecomposer parts = new QueryDecomposer();

    @Override
    public Set<Query> decompose(Query query) {
        Set<Query> prepared = new LinkedHashSet<>();
        for (Query part : parts.decompose(query)) {
            prepared.add(PreparedQueries.prepare(part));
        }
        return prepared;
    }
}
