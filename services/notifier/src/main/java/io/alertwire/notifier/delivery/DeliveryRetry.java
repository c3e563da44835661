package io.alertwire.notifier.delivery;

import io.alertwire.notifier.problem.ProblemException;
import io.alertwire.notifier.subscription.Subscription;
import io.alertwire.notifier.subscription.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * An admin's "send again now". The delivery becomes pending and due at once; the worker sends it
 * on its next tick with the same id, so a webhook receiver that already has it drops the repeat.
 * (Should the delivery be in flight right now, the running send's result wins, and at most one
 * extra send happens.)
 */
@ApplicationScoped
@Transactional
public class DeliveryRetry {

    private static final Logger LOG = Logger.getLogger(DeliveryRetry.class);

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;

    public DeliveryRetry(DeliveryRepository deliveries, SubscriptionRepository subscriptions) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
    }

    /**
     * Makes a delivery due now.
     *
     * @return its subscription's id
     */
    public UUID retryNow(UUID id) {
        Delivery delivery = deliveries.findByIdOptional(id).orElseThrow(
                () -> new ProblemException(Response.Status.NOT_FOUND, "No delivery with id " + id));
        Subscription subscription = subscriptions.findById(delivery.getSubscriptionId());
        if (!subscription.isActive()) {
            throw new ProblemException(Response.Status.CONFLICT, "Subscription " + subscription.getId() + " is "
                    + subscription.getStatus() + ", so nothing would be sent; "
                    + (Subscription.UNSUBSCRIBED.equals(subscription.getStatus())
                            ? "its recipient unsubscribed"
                            : "resume it first (PATCH /api/subscriptions/" + subscription.getId()
                                    + " with {\"status\":\"active\"})"));
        }
        String before = delivery.getStatus();
        delivery.retryNow(Instant.now());
        LOG.infof("Delivery %s (%s) due again now at an admin's request", id, before);
        return subscription.getId();
    }
}
