package io.alertwire.classifier.article;

import io.alertwire.classifier.matching.ArticleText;
import io.alertwire.classifier.matching.TopicMatch;
import io.alertwire.classifier.matching.TopicMatcher;
import io.alertwire.classifier.story.StoryAssignment;
import io.alertwire.classifier.story.StoryService;
import io.alertwire.events.ArticleEvent;
import io.alertwire.events.MatchEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** Classifies every article from {@code alertwire.articles.v1}, puts it in a story and publishes its matches. */
@ApplicationScoped
public class ArticleConsumer {

    /** Incoming channel of article events; mapped to its topic in {@code application.properties}. */
    public static final String CHANNEL = "articles";

    private static final Logger LOG = Logger.getLogger(ArticleConsumer.class);
    /** Counter of failed attempts at storing or publishing an article (each is retried). */
    public static final String RETRIES_METRIC = "alertwire.classifier.article.retries";

    private static final Duration LOAD_WAIT = Duration.ofSeconds(30);

    private final TopicMatcher matcher;
    private final StoryService stories;
    private final MatchPublisher publisher;
    private final Validator validator;
    private final ArticlesConfig config;
    private final Counter retries;

    public ArticleConsumer(TopicMatcher matcher, StoryService stories, MatchPublisher publisher, Validator validator,
            ArticlesConfig config, MeterRegistry registry) {
        this.matcher = matcher;
        this.stories = stories;
        this.publisher = publisher;
        this.validator = validator;
        this.config = config;
        this.retries = Counter.builder(RETRIES_METRIC)
                .description("Attempts at an article that failed because the database or the broker was unavailable")
                .register(registry);
    }

    /**
     * Blocking and ordered: matching is CPU work, and the article is acknowledged only after the
     * broker acknowledged every match, which is what lets its offset be committed safely.
     *
     * <p>Two kinds of failure, two outcomes. A record that is not a usable article, or that matching
     * fails on, is nacked: it goes to the dead-letter topic with the reason and the partition moves on.
     * A database or broker that is unavailable is not the article's fault: the article is retried
     * with back-off until it goes through, and never dead-lettered, so no match is lost.
     */
    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        ArticleEvent article;
        List<TopicMatch> matches;
        String body;
        try {
            article = IncomingArticles.read(message.getPayload(), validator);
            if (IncomingArticles.isEmpty(article)) {
                LOG.infof("Article %s has no title and no text: nothing to classify", article.articleId());
                return message.ack();
            }
            awaitTopics();
            body = IncomingArticles.body(article);
            matches = matcher.match(new ArticleText(article.title(), body, article.language(), article.url(),
                    article.sourceName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unacknowledged();
        } catch (RuntimeException e) {
            LOG.warnf("Article record dead-lettered: %s", e.getMessage());
            return message.nack(e);
        }
        Backoff backoff = new Backoff(config.retryFirstWait(), config.retryLongestWait());
        for (int attempt = 1; ; attempt++) {
            try {
                List<MatchEvent> events = events(article, body, matches, story(article, body));
                publisher.publishAll(events, article.fetchedAt());
                LOG.infof("Article %s classified: %d matches %s", article.articleId(), events.size(),
                        events.stream().map(MatchEvent::topicId).toList());
                return message.ack();
            } catch (RuntimeException e) {
                retries.increment();
                Duration wait = backoff.next();
                LOG.warnf("Article %s not published (attempt %d), retrying in %s: %s", article.articleId(), attempt,
                        wait, e.getMessage());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return unacknowledged();
                }
            }
        }
    }

    private void awaitTopics() throws InterruptedException {
        // classifying before the topics are loaded would silently drop matches: wait instead
        while (!matcher.awaitLoaded(LOAD_WAIT)) {
            LOG.warn("Waiting for the topics to be loaded before classifying articles");
        }
    }

    /**
     * The article's story. A database that is down throws (the caller retries); an article the
     * database refuses for its content (a data error, SQL state class 22) gets a story of its own
     * rather than blocking its partition forever.
     */
    private StoryAssignment story(ArticleEvent article, String body) {
        try {
            return stories.assign(article, body);
        } catch (RuntimeException e) {
            if (sqlStateClass(e).equals("22")) {
                LOG.errorf("Article %s kept out of stories, the database refused it: %s", article.articleId(),
                        e.getMessage());
                return StoryAssignment.alone(article.articleId());
            }
            throw e;
        }
    }

    private static String sqlStateClass(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
                return sql.getSQLState().substring(0, 2);
            }
        }
        return "";
    }

    /**
     * Left unacknowledged on shutdown: its offset is not committed, so whoever consumes the
     * partition next classifies it again (the same matchIds, de-duplicated by the notifier).
     */
    private static CompletionStage<Void> unacknowledged() {
        return new CompletableFuture<>();
    }

    List<MatchEvent> events(ArticleEvent article, String body, List<TopicMatch> matches, StoryAssignment story) {
        return matches.stream().map(match -> new MatchEvent(
                matchId(article.articleId(), match.topicId()), article.articleId(), story.storyId(), match.topicId(),
                match.topicName(), match.score(), match.highlights(), article.title(), article.url(),
                article.sourceName(), article.language(), article.publishedAt(),
                Snippets.around(body.isBlank() ? nullToEmpty(article.title()) : body, match.highlights(),
                        config.snippetLength()),
                story.duplicates(), story.alsoReportedBy())).toList();
    }

    /** Stable per (article, topic), so a re-classified article re-publishes identical matches. */
    static String matchId(String articleId, String topicId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((articleId + ":" + topicId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
