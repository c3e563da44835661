package io.alertwire.notifier.match;

import io.alertwire.events.EventJson;
import io.alertwire.events.EventTopics;
import io.alertwire.events.InvalidEventException;
import io.alertwire.events.MatchEvent;
import io.alertwire.events.TopicSlug;
import io.alertwire.notifier.digest.DigestClock;
import io.alertwire.notifier.digest.DigestSchedule;
import io.alertwire.notifier.subscription.SubscriptionRepository;
import io.alertwire.notifier.delivery.AfterCommit;
import io.alertwire.notifier.delivery.DeliveryConfig;
import io.alertwire.notifier.delivery.DeliveryRepository;
import io.alertwire.notifier.delivery.DeliveryWorker;
import io.alertwire.notifier.fault.CrashPoint;
import io.alertwire.notifier.fault.CrashSeam;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns each match from {@code alertwire.matches.v1} into deliveries. A record that is not a valid
 * {@link MatchEvent} throws, so SmallRye dead-letters it to {@code alertwire.matches.v1.dlq} with
 * the reason and the partition moves on.
 */
@ApplicationScoped
public class MatchConsumer {

    /** The channel; its topic, deserializer and dead-letter queue are set in application.properties. */
    public static final String CHANNEL = "matches";

    private static final Logger LOG = Logger.getLogger(MatchConsumer.class);

    private final DeliveryRepository deliveries;
    private final DeliveryConfig config;
    private final Validator validator;
    private final SubscriptionRepository subscriptions;
    private final DigestClock clock;
    private final AfterCommit afterCommit;
    private final DeliveryWorker worker;
    private final CrashSeam crashes;

    public MatchConsumer(DeliveryRepository deliveries, DeliveryConfig config, Validator validator,
            SubscriptionRepository subscriptions, DigestClock clock, AfterCommit afterCommit, DeliveryWorker worker,
            CrashSeam crashes) {
        this.deliveries = deliveries;
        this.config = config;
        this.validator = validator;
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.afterCommit = afterCommit;
        this.worker = worker;
        this.crashes = crashes;
    }

    /*
     * @Blocking: JDBC blocks, so this runs on a worker thread, not the Kafka event loop. In order:
     * an alert names its topics in the order their matches came.
     * @Transactional: the deliveries are written in one transaction that commits before the offset
     * is acknowledged, so a crash in between replays the match, and the unique key on
     * (subscription_id, story_id) turns the replay into nothing.
     * The whole record, not just its value: the article's fetch time in its header (or, without
     * one, the record's timestamp, when the classifier published the match) starts the alert latency.
     */
    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        MatchEvent match = EventJson.read(record.value(), MatchEvent.class);
        Set<ConstraintViolation<MatchEvent>> violations = validator.validate(match);
        if (!violations.isEmpty()) {
            throw new InvalidEventException("not a valid MatchEvent: " + violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining(", ")));
        }
        int touched = deliveries.createForMatch(match, config.gatherWindow(), digestTimes(match),
                latencyStart(record));
        if (touched > 0) {
            afterCommit.run(() -> {
                crashes.reached(CrashPoint.AFTER_DB_WRITE);
                worker.wake();
            });
        }
        LOG.infof("Match %s (story %s, topic %s): %d deliveries created or extended", match.matchId(),
                match.storyId(), match.topicId(), touched);
    }

    /** When the article was fetched, as the classifier passed it on; else when the match was published. */
    private static Instant latencyStart(ConsumerRecord<String, String> record) {
        Header fetchedAt = record.headers().lastHeader(EventTopics.FETCHED_AT_HEADER);
        if (fetchedAt != null && fetchedAt.value() != null) {
            try {
                return Instant.parse(new String(fetchedAt.value(), StandardCharsets.UTF_8));
            } catch (DateTimeParseException e) {
                LOG.debugf("Ignoring an unreadable %s header: %s", EventTopics.FETCHED_AT_HEADER, e.getMessage());
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }

    /** The next digest time of each hourly or daily subscription the match may go to. */
    private Map<UUID, Instant> digestTimes(MatchEvent match) {
        Instant now = clock.now();
        Map<UUID, Instant> times = new HashMap<>();
        for (SubscriptionRepository.DigestSubscription s : subscriptions.listActiveDigestsFor(
                TopicSlug.of(match.topicId()), TopicSlug.of(match.topicName()))) {
            ZoneId zone = ZoneId.of(s.timezone() == null ? "UTC" : s.timezone());
            times.put(s.id(), DigestSchedule.next(s.mode(), s.digestAt(), zone, now));
        }
        return times;
    }
}
