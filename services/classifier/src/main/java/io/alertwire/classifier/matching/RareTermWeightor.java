package io.alertwire.classifier.matching;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Weights a term, for the presearcher's choice of which terms of a topic to index, by how few of
 * the stored topics contain it ({@code log(1 + topics / topicsWithTerm)}).
 *
 * <p>Why: the presearcher indexes, per pass, the best-weighted term of each conjunction, and an
 * article becomes a candidate for every topic whose indexed terms it contains. Weighting by length
 * alone picked "ceasefire" over "kowalski" and "water" over "lima" in {@code "lima water board"}:
 * words that many topics share and many articles contain, so each article ran hundreds of topics
 * that could not match. Which terms are indexed never changes what matches, only how many
 * candidates are run.
 *
 * <p>Counts are taken over the whole topic set when it is replaced, and grow by one topic when one
 * is added; a topic keeps the terms chosen when it was registered. Thread-safe.
 */
final class RareTermWeightor implements TermWeightor {

    /** Per term (field and text): how many topics contain it; replaced whole when recounted. */
    private volatile Map<Term, Integer> topicsWith = new ConcurrentHashMap<>();
    private volatile int topics;

    /** Counts the terms of exactly these topic queries, forgetting earlier counts. */
    synchronized void recount(Collection<Query> queries) {
        Map<Term, Integer> counts = new ConcurrentHashMap<>();
        for (Query query : queries) {
            terms(query).forEach(term -> counts.merge(term, 1, Integer::sum));
        }
        topicsWith = counts;
        topics = queries.size();
    }

    /** Counts one more topic query. */
    synchronized void add(Query query) {
        terms(query).forEach(term -> topicsWith.merge(term, 1, Integer::sum));
        topics++;
    }

    @Override
    public double applyAsDouble(Term term) {
        int with = Math.max(1, topicsWith.getOrDefault(term, 1));
        return Math.log(1 + (double) Math.max(topics, with) / with);
    }

    /** The distinct terms a query searches for. */
    private static Set<Term> terms(Query query) {
        Set<Term> terms = new HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... found) {
                terms.addAll(Arrays.asList(found));
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                // a prefix: the presearcher indexes its head term, counted by consumeTerms
            }
        });
        return terms;
    }
}
