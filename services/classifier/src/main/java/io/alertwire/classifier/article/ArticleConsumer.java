package io.alertwire.classifier.article;

import io.alertwire.classifier.matching.ArticleText;
import io.alertwire.classifier.matching.TopicMatch;
import io.alertwire.classifier.matching.TopicMatcher;
import io.alertwire.events.ArticleEvent;
import io.alertwire.events.EventJson;
import io.alertwire.events.InvalidEventException;
import io.alertwire.events.MatchEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Classifies every article from {@code alertwire.articles.v1} and publishes its matches. */
@ApplicationScoped
public class ArticleConsumer {

    /** Incoming channel of article events; mapped to its topic in {@code application.properties}. */
    public static final String CHANNEL = "articles";

    private static final Logger LOG = Logger.getLogger(ArticleConsumer.class);
    private static final Duration LOAD_WAIT = Duration.ofSeconds(30);

    private final TopicMatcher matcher;
    private final MatchPublisher publisher;
    private final Validator validator;
    private final ArticlesConfig config;

    public ArticleConsumer(TopicMatcher matcher, MatchPublisher publisher, Validator validator,
            ArticlesConfig config) {
        this.matcher = matcher;
        this.publisher = publisher;
        this.validator = validator;
        this.config = config;
    }

    /**
     * Blocking and ordered: matching is CPU work, and the method returns only after the broker
     * acknowledged every match, which is what lets the article's offset be committed safely.
     */
    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(String value) throws InterruptedException {
        ArticleEvent article = EventJson.read(value, ArticleEvent.class);
        Set<ConstraintViolation<ArticleEvent>> violations = validator.validate(article);
        if (!violations.isEmpty()) {
            throw new InvalidEventException("invalid ArticleEvent: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; ")));
        }
        // classifying before the topics are loaded would silently drop matches: wait instead
        while (!matcher.awaitLoaded(LOAD_WAIT)) {
            LOG.warn("Waiting for the topics to be loaded before classifying articles");
        }
        List<MatchEvent> matches = classify(article);
        publisher.publishAll(matches);
        LOG.infof("Article %s classified: %d matches %s", article.articleId(), matches.size(),
                matches.stream().map(MatchEvent::topicId).toList());
    }

    List<MatchEvent> classify(ArticleEvent article) {
        String body = join(article.summary(), article.content());
        List<TopicMatch> matches = matcher.match(new ArticleText(article.title(), body, article.language(),
                article.url(), article.sourceName()));
        // no story clustering yet: every article is its own story
        String storyId = article.articleId();
        return matches.stream().map(match -> new MatchEvent(
                matchId(article.articleId(), match.topicId()), article.articleId(), storyId, match.topicId(),
                match.topicName(), match.score(), match.highlights(), article.title(), article.url(),
                article.sourceName(), article.language(), article.publishedAt(),
                Snippets.around(body.isBlank() ? nullToEmpty(article.title()) : body, match.highlights(),
                        config.snippetLength()),
                0, List.of())).toList();
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

    private static String join(String summary, String content) {
        String s = nullToEmpty(summary).strip();
        String c = nullToEmpty(content).strip();
        if (s.isEmpty() || c.startsWith(s)) {
            return c;
        }
        return c.isEmpty() ? s : s + "\n\n" + c;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
