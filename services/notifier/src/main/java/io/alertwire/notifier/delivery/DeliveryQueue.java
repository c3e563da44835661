package io.alertwire.notifier.delivery;

import io.alertwire.notifier.subscription.Subscription;
import io.alertwire.notifier.subscription.SubscriptionLifecycle;
import io.alertwire.notifier.subscription.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The transactional halves of a send: claiming due deliveries, and recording what happened. */
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

    public DeliveryQueue(DeliveryRepository deliveries, DeliveryAttemptRepository attempts,
            SubscriptionRepository subscriptions, SubscriptionLifecycle lifecycle, DeliveryConfig config) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.subscriptions = subscriptions;
        this.lifecycle = lifecycle;
        this.config = config;
        this.retries = new RetrySchedule(config.retrySchedule());
    }

    /**
     * Claims the due deliveries and returns what is needed to send them. A delivery whose
     * subscription is no longer active (paused, deleted) is marked skipped instead.
     */
    public List<DeliveryTask> claimDue() {
        List<DeliveryTask> tasks = new ArrayList<>();
        for (UUID id : deliveries.claimDue(config.batchSize(), config.lease())) {
            Delivery delivery = deliveries.findById(id);
            Optional<Subscription> subscription = subscriptions.findByIdOptional(delivery.getSubscriptionId());
            if (subscription.isEmpty() || !subscription.get().isActive()) {
                delivery.skipped();
                LOG.infof("Delivery %s skipped: subscription %s is not active", id, delivery.getSubscriptionId());
                continue;
            }
            Subscription s = subscription.get();
            tasks.add(new DeliveryTask(id, s.getId(), s.getChannelType(), s.getEmailAddress(), s.getWebhookUrl(),
                    s.getWebhookSecret(), List.copyOf(delivery.getTopics()), delivery.getStory(),
                    delivery.getCreatedAt()));
        }
        return tasks;
    }

    /**
     * Records an attempt and moves the delivery on: sent, retry later (when the schedule says, or
     * when the receiver asked with {@code Retry-After}), or failed for good. A 410 fails it at once
     * and disables the subscription, whose other pending deliveries are then skipped.
     */
    public void record(UUID deliveryId, Instant attemptedAt, SendOutcome outcome) {
        Delivery delivery = deliveries.findById(deliveryId);
        if (delivery == null) {
            LOG.infof("Delivery %s: its subscription was deleted while it was being sent", deliveryId);
            return;
        }
        attempts.persist(new DeliveryAttempt(deliveryId, attemptedAt, outcome));
        if (outcome.success()) {
            delivery.sent(Instant.now());
            LOG.infof("Delivery %s sent (story %s, subscription %s, attempt %d)", deliveryId, delivery.getStoryId(),
                    delivery.getSubscriptionId(), delivery.getAttempts());
            return;
        }
        if (outcome.gone()) {
            delivery.failed(null);
            lifecycle.disable(delivery.getSubscriptionId(), "the webhook answered 410 Gone at " + attemptedAt
                    + ": the receiver says the endpoint no longer exists. Resume (PATCH status \"active\") once "
                    + "it exists again");
            return;
        }
        Instant now = Instant.now();
        Optional<Duration> wait = retries.after(delivery.getAttempts() + 1);
        if (wait.isPresent() && outcome.retryAfter() != null) {
            wait = Optional.of(retries.bounded(Duration.between(now, outcome.retryAfter())));
        }
        delivery.failed(wait.map(now::plus).orElse(null));
        if (wait.isPresent()) {
            LOG.infof("Delivery %s attempt %d failed (%s); retry in %s", deliveryId, delivery.getAttempts(),
                    outcome.error(), wait.get());
        } else {
            LOG.warnf("Delivery %s failed for good after %d attempts (%s)", deliveryId, delivery.getAttempts(),
                    outcome.error());
        }
    }
}
