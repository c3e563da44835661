package io.alertwire.fetch.websub;

import io.alertwire.events.ArticleEvent;
import io.alertwire.fetch.article.OutboxRelay;
import io.alertwire.fetch.feed.FeedParser;
import io.alertwire.fetch.feed.FeedRejectedException;
import io.alertwire.fetch.feed.ParsedFeed;
import io.alertwire.fetch.language.LanguageGuesser;
import io.alertwire.fetch.poll.FetchMetrics;
import io.alertwire.fetch.poll.PollRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Content a hub pushes: checked against the subscription's secret, read by the same hardened parser
 * as a polled feed, and its new articles written to the same outbox with the same duplicate
 * suppression, so an article arrives once whether it was pushed, polled, or both.
 */
@ApplicationScoped
public class PushReceiver {

    private static final Logger LOG = Logger.getLogger(PushReceiver.class);

    /** What became of a push; each is a value of the {@code outcome} tag of the push counter. */
    public enum Outcome {
        ACCEPTED, BAD_SIGNATURE, REJECTED, DISABLED, UNKNOWN_SOURCE, TOO_LARGE;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final WebSubService service;
    private final FeedParser parser;
    private final PollRecorder recorder;
    private final LanguageGuesser languages;
    private final OutboxRelay relay;
    private final MeterRegistry registry;
    private final FetchMetrics metrics;

    public PushReceiver(WebSubService service, FeedParser parser, PollRecorder recorder, LanguageGuesser languages,
            OutboxRelay relay, MeterRegistry registry, FetchMetrics metrics) {
        this.metrics = metrics;
        this.service = service;
        this.parser = parser;
        this.recorder = recorder;
        this.languages = languages;
        this.relay = relay;
        this.registry = registry;
    }

    /**
     * Handles one pushed body. Every outcome but {@link Outcome#UNKNOWN_SOURCE} is answered 2xx:
     * WebSub wants content with a bad signature dropped silently, and a hub cannot fix a feed the
     * service refuses.
     */
    public Outcome receive(long sourceId, byte[] body, String contentType, String signature) {
        Optional<WebSubService.PushTarget> found = service.pushTarget(sourceId);
        if (found.isEmpty()) {
            return count(Outcome.UNKNOWN_SOURCE);
        }
        WebSubService.PushTarget target = found.get();
        if (!HubSignature.verifies(signature, body, target.secret())) {
            LOG.infof("WebSub push dropped, signature missing or wrong: sourceId=%d", sourceId);
            return count(Outcome.BAD_SIGNATURE);
        }
        if (!target.enabled()) {
            return count(Outcome.DISABLED);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ParsedFeed feed;
        try {
            feed = parser.parse(body, contentType, target.topic(), String.valueOf(sourceId), target.sourceName(), now);
        } catch (FeedRejectedException e) {
            LOG.infof("WebSub push dropped, not a feed we accept: sourceId=%d reason=%s", sourceId, e.getMessage());
            return count(Outcome.REJECTED);
        }
        List<ArticleEvent> articles = recorder.unseen(feed.articles()).stream().map(languages::fillIn).toList();
        int inserted = recorder.recordPush(sourceId, articles);
        service.pushed(sourceId, now);
        metrics.pushed(inserted);
        LOG.infof("WebSub push received: sourceId=%d entries=%d new=%d", sourceId, feed.articles().size(), inserted);
        if (inserted > 0) {
            relay.relayPending();
        }
        return count(Outcome.ACCEPTED);
    }

    Outcome count(Outcome outcome) {
        registry.counter("alertwire.fetch.websub.pushes", "outcome", outcome.tag()).increment();
        return outcome;
    }
}
