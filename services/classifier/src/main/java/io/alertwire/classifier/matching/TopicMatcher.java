package io.alertwire.classifier.matching;

import io.alertwire.classifier.query.QueryCompiler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.Query;
import org.jboss.logging.Logger;

/**
 * Holds every enabled topic as a stored query in a Lucene {@link Monitor} and matches articles
 * against all of them (design in {@code package-info.java}). Thread-safe.
 */
@ApplicationScoped
public class TopicMatcher {

    private static final Logger LOG = Logger.getLogger(TopicMatcher.class);
    /** Two passes of the presearcher: a candidate must share a term with each of two disjuncts. */
    private static final int PRESEARCHER_PASSES = 2;
    /**
     * Topics registered per Monitor call: each call commits the Monitor's query index once, and the
     * presearcher's scratch space for a batch is about 400 KB per topic (5,000 ran out of a 2 GB heap).
     * Registering at least this many topics at once is a bulk load, after which the index is merged.
     */
    static final int REGISTER_BATCH = 1_000;

    private final MatchingConfig config;
    private final Analyzer analyzer = ArticleFields.analyzer();
    private final QueryCompiler compiler = new QueryCompiler(ArticleFields.queryFields());
    /** How rare each term is among the topics: the presearcher picks a topic's rarest words. */
    private final RareTermWeightor rarity = new RareTermWeightor();
    private final QueryIndexConfiguration monitorConfig = new QueryIndexConfiguration();
    private final Monitor monitor;
    private final Map<String, Registered> topics = new ConcurrentHashMap<>();
    private final CountDownLatch loaded = new CountDownLatch(1);

    private record Registered(TopicDefinition topic, Query query) {
    }

    public TopicMatcher(MatchingConfig config) {
        this.config = config;
        try {
            // source and language values are shared by many articles: pick a query's words over them
            TermWeightor weightor = TermWeightor.combine(
                    TermWeightor.fieldWeightor(0.1, ArticleFields.SOURCE, ArticleFields.LANGUAGE),
                    TermWeightor.DEFAULT, rarity);
            this.monitor = new Monitor(analyzer, new MultipassTermFilteredPresearcher(PRESEARCHER_PASSES, 0f,
                    weightor, List.of(), Set.of()), monitorConfig.setQueryDecomposer(new PreparedPartsDecomposer()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Lucene Monitor", e);
        }
    }

    /** The compiler topics are checked with before they are saved. */
    public QueryCompiler compiler() {
        return compiler;
    }

    /**
     * Adds or replaces one topic. A query that does not compile is logged and the topic left out
     * (its previous version, if any, removed), so one bad topic never blocks the others.
     *
     * @return whether the topic is now registered
     */
    public boolean put(TopicDefinition topic) {
        Registered current = topics.get(topic.id());
        if (current != null && current.topic().equals(topic)) {
            return true;
        }
        Query query;
        try {
            query = prepared(topic);
        } catch (RuntimeException e) {
            return leaveOut(topic, e);
        }
        rarity.add(query);
        return registerOne(new Registered(topic, query));
    }

    /** The topic's query compiled and rewritten once, as it is registered and scored; throws if it cannot be used. */
    private Query prepared(TopicDefinition topic) {
        return PreparedQueries.prepare(compiler.compile(topic.query()));
    }

    private boolean registerOne(Registered registered) {
        try {
            monitor.register(new MonitorQuery(registered.topic().id(), registered.query(), registered.topic().query(),
                    Map.of()));
            topics.put(registered.topic().id(), registered);
            return true;
        } catch (RuntimeException | IOException e) {
            return leaveOut(registered.topic(), e);
        }
    }

    /** Logs why a topic cannot be matched and removes its previous version, if any. @return false */
    private boolean leaveOut(TopicDefinition topic, Exception e) {
        LOG.warnf("Topic %s left out of matching: its query cannot be used: %s", topic.id(), e.getMessage());
        remove(topic.id());
        return false;
    }

    /** Removes a topic; unknown ids are ignored. */
    public void remove(String topicId) {
        try {
            monitor.deleteById(topicId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove topic " + topicId + " from the Monitor", e);
        }
        topics.remove(topicId);
    }

    /**
     * Makes the registered topics exactly {@code wanted}: adds, replaces and removes as needed. New
     * and changed topics are registered in batches: the Monitor commits its query index once per
     * register call, so registering 100,000 topics one at a time spent nearly all its time committing.
     */
    public void replaceAll(Collection<TopicDefinition> wanted) {
        Set<String> ids = new HashSet<>();
        List<Registered> changed = new ArrayList<>();
        List<Query> queries = new ArrayList<>();
        int failed = 0;
        for (TopicDefinition topic : wanted) {
            ids.add(topic.id());
            Registered current = topics.get(topic.id());
            if (current != null && current.topic().equals(topic)) {
                queries.add(current.query());
                continue;
            }
            try {
                Registered compiled = new Registered(topic, prepared(topic));
                changed.add(compiled);
                queries.add(compiled.query());
            } catch (RuntimeException e) {
                leaveOut(topic, e);
                failed++;
            }
        }
        if (!changed.isEmpty()) {
            // before registering: the new topics' terms are chosen by rarity among all of them
            rarity.recount(queries);
        }
        for (int from = 0; from < changed.size(); from += REGISTER_BATCH) {
            failed += register(changed.subList(from, Math.min(changed.size(), from + REGISTER_BATCH)));
        }
        if (changed.size() >= REGISTER_BATCH) {
            compact();
        }
        List<String> stale = topics.keySet().stream().filter(id -> !ids.contains(id)).toList();
        if (!stale.isEmpty()) {
            try {
                monitor.deleteById(stale);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove topics from the Monitor", e);
            }
            stale.forEach(topics::remove);
        }
        loaded.countDown();
        LOG.debugf("Matching %d topics (%d left out)", topics.size(), failed);
    }

    /** Merges the query index into one segment after a bulk load, and makes the Monitor search it. */
    private void compact() {
        try {
            monitorConfig.compact();
            monitor.register(List.of()); // commits, and opens the merged index
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge the Monitor's query index", e);
        }
    }

    /** Registers compiled topics in one Monitor call; if that fails, one by one. @return how many failed */
    private int register(List<Registered> batch) {
        try {
            monitor.register(batch.stream()
                    .map(r -> new MonitorQuery(r.topic().id(), r.query(), r.topic().query(), Map.of())).toList());
            batch.forEach(r -> topics.put(r.topic().id(), r));
            return 0;
        } catch (RuntimeException | IOException e) {
            // find the topic the Monitor refused, so that it alone is left out
            int failed = 0;
            for (Registered r : batch) {
                if (!registerOne(r)) {
                    failed++;
                }
            }
            return failed;
        }
    }

    /** Waits until the topics have been loaded once; {@code false} on timeout. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isLoaded() {
        return loaded.getCount() == 0;
    }

    /** How many topics are registered. */
    public int size() {
        return topics.size();
    }

    /**
     * How many stored queries the presearcher picks as candidates for an article (the rest are
     * never run): how well the stored queries are pre-filtered.
     */
    int candidates(ArticleText article) {
        try {
            return monitor.match(ArticleDocument.of(article).document(), QueryMatch.SIMPLE_MATCHER).getQueriesRun();
        } catch (IOException e) {
            throw new UncheckedIOException("matching failed", e);
        }
    }

    /** The topics the article matches, best score first. */
    public List<TopicMatch> match(ArticleText article) {
        ArticleDocument indexed = ArticleDocument.of(article);
        MatchingQueries<ScoredHighlightsMatch> result;
        try {
            result = monitor.match(indexed.document(), ScoredHighlightsMatcher.factory(topicsFor(article)));
        } catch (IOException e) {
            throw new UncheckedIOException("matching failed", e);
        }
        result.getErrors().forEach((id, error) ->
                LOG.warnf("Topic %s failed on an article and was skipped: %s", id, error.toString()));
        if (result.getMatchCount() == 0) {
            return List.of();
        }
        Map<String, String> sources = indexed.sources();
        String textField = indexed.analysis().textField();
        List<TopicMatch> matches = new ArrayList<>();
        for (ScoredHighlightsMatch match : result.getMatches()) {
            Registered registered = topics.get(match.getQueryId());
            if (registered == null) {
                continue;
            }
            matches.add(new TopicMatch(registered.topic().id(), registered.topic().name(), squash(match.score()),
                    Highlights.cut(match.hits(), sources, textField, config.maxHighlights())));
        }
        matches.sort(Comparator.comparingDouble(TopicMatch::score).reversed().thenComparing(TopicMatch::topicId));
        return matches;
    }

    /** The registered topics as one article's candidates see them: only those of its language, and their score floors. */
    private ScoredHighlightsMatcher.Topics topicsFor(ArticleText article) {
        return new ScoredHighlightsMatcher.Topics() {
            @Override
            public Query scoringQuery(String topicId) {
                Registered registered = topics.get(topicId);
                return registered == null || !registered.topic().acceptsLanguage(article.language()) ? null
                        : registered.query();
            }

            @Override
            public boolean keeps(String topicId, float score) {
                Registered registered = topics.get(topicId);
                return registered != null && squash(score) >= registered.topic().minScore();
            }
        };
    }

    /** A raw BM25 score squashed into 0..1: more and rarer matched words score higher, none reaches 1. */
    private double squash(float raw) {
        return raw / (raw + config.scoreSaturation());
    }

    @PreDestroy
    void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            LOG.debug("Monitor did not close cleanly", e);
        }
    }
}
