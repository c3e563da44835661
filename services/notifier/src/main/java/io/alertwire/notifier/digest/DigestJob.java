package io.alertwire.notifier.digest;

import io.alertwire.notifier.delivery.DeliveryMetrics;
import io.alertwire.notifier.delivery.DeliveryQueue;
import io.alertwire.notifier.delivery.DigestTask;
import io.alertwire.notifier.delivery.SendOutcome;
import io.alertwire.notifier.email.DigestMailer;
import io.alertwire.notifier.subscription.Subscription;
import io.alertwire.notifier.webhook.WebhookSender;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Sends the due digests as the delivery worker sends alerts: claim (one transaction), send (none),
 * record (one transaction per digest, for all its deliveries at once).
 */
@ApplicationScoped
public class DigestJob {

    private static final Logger LOG = Logger.getLogger(DigestJob.class);

    private final DeliveryQueue queue;
    private final DigestClock clock;
    private final DigestMailer mailer;
    private final WebhookSender webhooks;
    private final DeliveryMetrics metrics;

    public DigestJob(DeliveryQueue queue, DigestClock clock, DigestMailer mailer, WebhookSender webhooks,
            DeliveryMetrics metrics) {
        this.queue = queue;
        this.clock = clock;
        this.mailer = mailer;
        this.webhooks = webhooks;
        this.metrics = metrics;
    }

    @Scheduled(every = "${alertwire.notifier.digest-tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not before start-up has finished, nor while shutting down (the database is going away)
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        for (DigestTask digest : queue.claimDigests(clock.now())) {
            Instant attemptedAt = Instant.now();
            SendOutcome outcome = send(digest);
            metrics.attempted(digest.channelType(), "digest", outcome);
            LOG.infof("Digest %s of subscription %s (%d stories): %s", digest.digestId(), digest.subscriptionId(),
                    digest.entries().size(), outcome.success() ? "sent" : "failed, " + outcome.error());
            try {
                queue.recordAll(digest.deliveryIds(), attemptedAt, outcome);
            } catch (RuntimeException e) {
                // the lease expires and the same digest (same id, same stories) is sent again
                LOG.errorf(e, "Digest %s: could not record its attempt", digest.digestId());
            }
        }
    }

    private SendOutcome send(DigestTask digest) {
        long start = System.nanoTime();
        try {
            return Subscription.WEBHOOK.equals(digest.channelType()) ? webhooks.sendDigest(digest)
                    : mailer.send(digest);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Digest %s: unexpected error while sending", digest.digestId());
            return SendOutcome.failed(null, "unexpected error while sending",
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
