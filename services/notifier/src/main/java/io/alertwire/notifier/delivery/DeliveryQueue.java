package io.alertwire.notifier.delivery;

import io.alertwire.notifier.digest.DigestClock;
import io.alertwire.notifier.fault.CrashPoint;
import io.alertwire.notifier.fault.CrashSeam;
import io.alertwire.notifier.subscription.SendTarget;
import io.alertwire.notifier.subscription.Subscription;
import io.alertwire.notifier.subscription.SubscriptionLifecycle;
import io.alertwire.notifier.subscription.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The transactional halves of a send: claiming due deliveries (one by one, or gathered into
 * digests), and recording what happened.
 *
 * <p>Two guards sit here. The rate limit: an instant alert whose target (webhook URL or email
 * address) has already been sent its share of the current window is not sent now but held for a
 * catch-up digest at the end of the window, which the digest job sends like any digest (see
 * {@link RateLimit}). And endpoints that keep failing: every attempt tells the subscription whether
 * its endpoint works; one that has failed without a success for the configured time is disabled,
 * its pending deliveries are failed with the reason, and its owner is told by mail (an outbox
 * flag on the subscription, relayed by {@link io.alertwire.notifier.email.DisabledNoticeJob}).
 */
@ApplicationScoped
@Transactional
public class DeliveryQueue {

    private static final Logger LOG = Logger.getLogger(DeliveryQueue.class);

    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final SubscriptionRepository subscriptions;
    private final SubscriptionLifecycle lifecycle;
    private final DeliveryConfig config;
    private final RetrySchedule retries;
    private final DigestClock clock;
    private final RateLimit rateLimit;
    private final ReleaseCounts releaseCounts;
    private final AfterCommit afterCommit;
    private final CrashSeam crashes;

    public DeliveryQueue(DeliveryRepository deliveries, DeliveryAttemptRepository attempts,
            SubscriptionRepository subscriptions, SubscriptionLifecycle lifecycle, DeliveryConfig config,
            DigestClock clock, ReleaseCounts releaseCounts, AfterCommit afterCommit, CrashSeam crashes) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.subscriptions = subscriptions;
        this.lifecycle = lifecycle;
        this.config = config;
        this.retries = new RetrySchedule(config.retrySchedule());
        this.clock = clock;
        this.rateLimit = new RateLimit(config.rateLimit(), config.rateWindow());
        this.releaseCounts = releaseCounts;
        this.afterCommit = afterCommit;
        this.crashes = crashes;
    }

    /** One send of a claimed delivery, to be recorded. */
    public record Attempt(UUID deliveryId, Instant attemptedAt, SendOutcome outcome) {
    }

    /**
     * Claims the due deliveries and returns what is needed to send them. A delivery whose
     * subscription is no longer active (paused, deleted) is marked skipped instead; one whose
     * target has had its share of alerts this window is held for the window's catch-up digest.
     * The batch costs a fixed number of statements, however many deliveries and targets it holds.
     */
    public List<DeliveryTask> claimDue() {
        List<DeliveryRepository.ClaimedDelivery> claimed = deliveries.claimDue(config.batchSize(), config.lease());
        if (claimed.isEmpty()) {
            return List.of();
        }
        Instant now = clock.now();
        Map<UUID, SendTarget> active = subscriptions.findActiveTargets(
                claimed.stream().map(DeliveryRepository.ClaimedDelivery::subscriptionId).distinct().toList(), now);
        List<UUID> skipped = new ArrayList<>();
        // instant alerts not yet released, by target: the rate limit decides how many go now
        Map<String, Integer> wants = new HashMap<>();
        for (DeliveryRepository.ClaimedDelivery delivery : claimed) {
            SendTarget s = active.get(delivery.subscriptionId());
            if (s == null) {
                skipped.add(delivery.id());
                LOG.infof("Delivery %s skipped: subscription %s is not active", delivery.id(), delivery.subscriptionId());
            } else if (!delivery.released()) {
                wants.merge(s.rateLimitKey(), 1, Integer::sum);
            }
        }
        Map<String, Integer> granted = releaseCounts.grant(wants, rateLimit.windowStart(now), rateLimit.limit());
        List<UUID> released = new ArrayList<>();
        List<UUID> held = new ArrayList<>();
        List<DeliveryTask> tasks = new ArrayList<>();
        for (DeliveryRepository.ClaimedDelivery delivery : claimed) {
            SendTarget s = active.get(delivery.subscriptionId());
            if (s == null) {
                continue;
            }
            if (!delivery.released()) {
                if (granted.merge(s.rateLimitKey(), -1, Integer::sum) < 0) {
                    held.add(delivery.id());
                    LOG.infof("Delivery %s held for the catch-up digest at %s: the %s target of subscription %s "
                            + "had %d alerts this window", delivery.id(), rateLimit.windowEnd(now), s.channelType(),
                            s.id(), rateLimit.limit());
                    continue;
                }
                released.add(delivery.id());
            }
            tasks.add(new DeliveryTask(delivery.id(), s.id(), s.channelType(), s.emailAddress(), s.webhookUrl(),
                    s.webhookSecret(), delivery.topics(), delivery.story(), delivery.createdAt(), delivery.matchedAt(),
                    s.previousWebhookSecret()));
        }
        if (!skipped.isEmpty()) {
            deliveries.markSkipped(skipped);
        }
        if (!held.isEmpty()) {
            deliveries.holdForDigest(held, rateLimit.windowEnd(now));
        }
        if (!released.isEmpty()) {
            deliveries.markReleased(released, now);
        }
        return tasks;
    }

    /** Ends the lease of claimed deliveries that will not be sent by this worker: they are due again now. */
    public void giveBack(List<UUID> deliveryIds) {
        deliveries.endLease(deliveryIds);
    }

    /** When the next instant delivery falls due (a lease ending counts); empty when none is pending. */
    public Optional<Instant> nextDue() {
        return deliveries.nextDue();
    }

    /**
     * Claims the due digest deliveries of up to a batch of subscriptions, as of {@code now} (the
     * digest clock), and groups them into digests: the rows not yet in a digest form a new one, a
     * row already in a digest (retried, or re-claimed after a crash) goes again in that same
     * digest, with the same stories. Deliveries of a subscription that is no longer active are
     * marked skipped instead.
     */
    public List<DigestTask> claimDigests(Instant now) {
        List<DigestTask> tasks = new ArrayList<>();
        for (UUID subscriptionId : deliveries.dueDigestSubscriptions(now, config.batchSize())) {
            List<UUID> claimed = deliveries.claimDigest(subscriptionId, UUID.randomUUID(), now, config.lease());
            if (claimed.isEmpty()) {
                continue; // another worker was quicker
            }
            List<Delivery> rows = claimed.stream().map(deliveries::findById)
                    .sorted(Comparator.comparing(Delivery::getCreatedAt).thenComparing(Delivery::getStoryId))
                    .toList();
            Optional<Subscription> subscription = subscriptions.findByIdOptional(subscriptionId);
            if (subscription.isEmpty() || !subscription.get().isActive()) {
                rows.forEach(Delivery::skipped);
                LOG.infof("Digest of %d deliveries skipped: subscription %s is not active", rows.size(),
                        subscriptionId);
                continue;
            }
            Subscription s = subscription.get();
            Map<UUID, List<Delivery>> byDigest = rows.stream()
                    .collect(Collectors.groupingBy(Delivery::getDigestId, LinkedHashMap::new, Collectors.toList()));
            byDigest.forEach((digestId, members) -> tasks.add(new DigestTask(digestId, s.getId(), s.getChannelType(),
                    s.getEmailAddress(), s.getWebhookUrl(), s.getWebhookSecret(), s.getMode(), s.getTimezone(),
                    members.stream().map(Delivery::getDigestAt).min(Comparator.naturalOrder()).orElse(now),
                    members.stream().map(d -> new DigestTask.Entry(d.getId(), List.copyOf(d.getTopics()),
                            d.getStory())).toList(), s.previousSecretAt(now))));
        }
        return tasks;
    }

    /**
     * Records an attempt and moves the delivery on: sent, retry later (when the schedule says, or
     * when the receiver asked with {@code Retry-After}), or failed for good. A 410 fails it at once
     * and disables the subscription, whose other pending deliveries are then skipped.
     */
    public void record(UUID deliveryId, Instant attemptedAt, SendOutcome outcome) {
        recordAll(List.of(deliveryId), attemptedAt, outcome);
    }

    /**
     * Records the sends of a claimed batch, each as {@link #record} does, in one transaction: one
     * commit for the batch instead of one per delivery. Should it fail, none is recorded, and the
     * whole batch is sent again (same ids) once its lease ends.
     */
    public void recordEach(List<Attempt> batch) {
        // the common case, sent, in one statement for the batch; the others one by one
        List<Attempt> sent = batch.stream().filter(a -> a.outcome().success()).toList();
        if (!sent.isEmpty()) {
            List<DeliveryRepository.SentRow> marked = deliveries.markSent(sent);
            // a success ends an endpoint's failure streak, as record() does one by one
            subscriptions.succeeded(marked.stream().map(row -> UUID.fromString(row.subscriptionId())).distinct().toList());
            // only once it is committed: a crash before the commit sends these deliveries again
            afterCommit.run(() -> marked.forEach(row -> LOG.infof("Delivery %s sent (story %s, subscription %s,"
                    + " attempt %d)", row.id(), row.storyId(), row.subscriptionId(), row.attempts())));
        }
        for (Attempt attempt : batch) {
            if (!attempt.outcome().success()) {
                recordAll(List.of(attempt.deliveryId()), attempt.attemptedAt(), attempt.outcome());
            }
        }
        crashes.reached(CrashPoint.BEFORE_COMMIT, deliveries::flush);
    }

    /**
     * Records one attempt at sending a digest for each of its deliveries, and moves them on
     * together, as {@link #record} does one: all sent, or all retried at the same time (so that
     * they are claimed again together, as the same digest), or all failed.
     */
    public void recordAll(List<UUID> deliveryIds, Instant attemptedAt, SendOutcome outcome) {
        List<Delivery> rows = new ArrayList<>();
        for (UUID id : deliveryIds) {
            Delivery delivery = deliveries.findById(id);
            if (delivery == null) {
                LOG.infof("Delivery %s: its subscription was deleted while it was being sent", id);
                continue;
            }
            attempts.persist(new DeliveryAttempt(id, attemptedAt, outcome));
            rows.add(delivery);
        }
        if (rows.isEmpty()) {
            return;
        }
        Optional<Subscription> subscription = subscriptions.findByIdOptional(rows.get(0).getSubscriptionId());
        subscription.ifPresent(s -> s.attempted(outcome.success(), clock.now()));
        if (outcome.success()) {
            Instant now = Instant.now();
            for (Delivery delivery : rows) {
                delivery.sent(now);
                UUID id = delivery.getId();
                String storyId = delivery.getStoryId();
                UUID subscriptionId = delivery.getSubscriptionId();
                int attempt = delivery.getAttempts();
                // only once it is committed: a crash before the commit sends the delivery again
                afterCommit.run(() -> LOG.infof("Delivery %s sent (story %s, subscription %s, attempt %d)", id,
                        storyId, subscriptionId, attempt));
            }
            return;
        }
        UUID subscriptionId = rows.get(0).getSubscriptionId();
        if (outcome.gone()) {
            rows.forEach(d -> d.failed(null));
            lifecycle.disable(subscriptionId, "the webhook answered 410 Gone at " + attemptedAt
                    + ": the receiver says the endpoint no longer exists. Resume (PATCH status \"active\") once "
                    + "it exists again");
            return;
        }
        Instant now = Instant.now();
        int failedSoFar = rows.stream().mapToInt(Delivery::getAttempts).max().orElse(0) + 1;
        Optional<Duration> wait = retries.after(failedSoFar);
        if (wait.isPresent() && outcome.retryAfter() != null) {
            wait = Optional.of(retries.bounded(Duration.between(now, outcome.retryAfter())));
        }
        Instant retryAt = wait.map(now::plus).orElse(null);
        if (subscription.isPresent() && failingTooLong(subscription.get())) {
            disableFailing(subscription.get(), rows, outcome);
            return;
        }
        for (Delivery delivery : rows) {
            delivery.failed(retryAt);
            if (wait.isPresent()) {
                LOG.infof("Delivery %s attempt %d failed (%s); retry in %s", delivery.getId(),
                        delivery.getAttempts(), outcome.error(), wait.get());
            } else {
                LOG.warnf("Delivery %s failed for good after %d attempts (%s)", delivery.getId(),
                        delivery.getAttempts(), outcome.error());
            }
        }
    }

    private boolean failingTooLong(Subscription s) {
        return s.isActive() && s.getFailingSince() != null
                && !s.getFailingSince().plus(config.disableAfter()).isAfter(clock.now());
    }

    /**
     * Stops a subscription whose endpoint has failed for too long: it is disabled (its owner is told
     * by mail), and its pending deliveries are failed with the reason instead of being tried again;
     * they stay in the delivery log, and an admin may retry them once the subscription is resumed.
     */
    private void disableFailing(Subscription s, List<Delivery> rows, SendOutcome outcome) {
        String reason = "the " + (Subscription.WEBHOOK.equals(s.getChannelType()) ? "webhook endpoint" : "mail address")
                + " has failed every attempt since " + s.getFailingSince() + " (last: " + outcome.error()
                + "). Resume (PATCH status \"active\") once it works again";
        lifecycle.disable(s.getId(), reason);
        String pendingReason = "not sent: the subscription was disabled because " + reason;
        rows.forEach(d -> d.abandon(pendingReason));
        int others = deliveries.failPending(s.getId(), pendingReason);
        LOG.warnf("Subscription %s disabled after failing since %s; %d pending deliveries failed", s.getId(),
                s.getFailingSince(), rows.size() + others);
    }
}
