package io.alertwire.classifier.matching;

import io.alertwire.benchmarks.classifier.ArticleGenerator;
import io.alertwire.benchmarks.classifier.ArticleLength;
import io.alertwire.benchmarks.classifier.CorpusArticles;
import io.alertwire.benchmarks.classifier.TopicGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What every benchmark starts from: generated topics (seeded), a {@link TopicMatcher} with the
 * service's default settings, and the articles to match.
 *
 * <p>The benchmarks live in the classifier's {@code matching} package so that they can reach its
 * package-private parts ({@link ArticleDocument}, {@link TopicMatcher#candidates}) without the
 * service widening its API for them.
 */
final class BenchmarkTopics {

    static final long TOPIC_SEED = 20261128L;
    static final long ARTICLE_SEED = 4L;
    /** Enough distinct articles that caches of one article's work do not flatter the figures. */
    static final int SYNTHETIC_ARTICLES = 500;

    private BenchmarkTopics() {
    }

    static List<TopicDefinition> definitions(int count) {
        List<String> queries = new TopicGenerator(TOPIC_SEED).topics(count);
        List<TopicDefinition> topics = new ArrayList<>(count);
        for (int i = 0; i < queries.size(); i++) {
            String id = "topic-" + i;
            topics.add(new TopicDefinition(id, id, queries.get(i), List.of(), 0, "1"));
        }
        return topics;
    }

    static TopicMatcher matcher() {
        return new TopicMatcher(new MatchingConfig() {
            @Override
            public double scoreSaturation() {
                return 1.0;
            }

            @Override
            public int maxHighlights() {
                return 20;
            }

            @Override
            public Duration startupWait() {
                return Duration.ofSeconds(10);
            }
        });
    }

    /**
     * {@code feed}: generated feed items as long as the real corpus's (about 70 words);
     * {@code synthetic}: generated full articles of 300–800 words; {@code corpus}: the shared
     * labelled articles themselves.
     */
    static List<ArticleText> articles(String which) {
        if ("corpus".equals(which)) {
            List<ArticleText> corpus = CorpusArticles.load();
            if (corpus.isEmpty()) {
                throw new IllegalStateException("../shared/corpus/korea-dialogue-dev.jsonl not found: run from the"
                        + " project root or pass -Dalertwire.corpus=FILE");
            }
            return corpus;
        }
        if ("feed".equals(which)) {
            return new ArticleGenerator(ARTICLE_SEED, ArticleLength.FEED).articles(SYNTHETIC_ARTICLES);
        }
        if ("synthetic".equals(which)) {
            return new ArticleGenerator(ARTICLE_SEED, ArticleLength.LONG).articles(SYNTHETIC_ARTICLES);
        }
        throw new IllegalArgumentException("unknown article set " + which + ": feed, synthetic or corpus");
    }
}
