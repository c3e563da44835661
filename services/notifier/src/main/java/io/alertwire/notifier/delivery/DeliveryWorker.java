package io.alertwire.notifier.delivery;

import io.alertwire.notifier.email.AlertMailer;
import io.alertwire.notifier.subscription.Subscription;
import io.alertwire.notifier.webhook.WebhookSender;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Drains the delivery queue: claim (one transaction), send (none), record (one transaction per
 * delivery), so that a slow receiver never holds a database lock.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryQueue queue;
    private final WebhookSender webhooks;
    private final AlertMailer mailer;
    private final DeliveryMetrics metrics;

    public DeliveryWorker(DeliveryQueue queue, WebhookSender webhooks, AlertMailer mailer, DeliveryMetrics metrics) {
        this.queue = queue;
        this.webhooks = webhooks;
        this.mailer = mailer;
        this.metrics = metrics;
    }

    @Scheduled(every = "${alertwire.notifier.delivery-tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not before start-up has finished, nor while shutting down (the database is going away)
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        List<DeliveryTask> due = queue.claimDue();
        for (DeliveryTask task : due) {
            Instant attemptedAt = Instant.now();
            SendOutcome outcome = send(task);
            metrics.attempted(task.channelType(), "alert", outcome);
            try {
                queue.record(task.deliveryId(), attemptedAt, outcome);
            } catch (RuntimeException e) {
                // the lease expires and the delivery is sent again, with the same webhook-id
                LOG.errorf(e, "Delivery %s: could not record its attempt", task.deliveryId());
            }
        }
    }

    private SendOutcome send(DeliveryTask task) {
        long start = System.nanoTime();
        try {
            return Subscription.WEBHOOK.equals(task.channelType()) ? webhooks.send(task) : mailer.send(task);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Delivery %s: unexpected error while sending", task.deliveryId());
            return SendOutcome.failed(null, "unexpected error while sending",
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
