package io.alertwire.fetch.websub;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends due subscription requests to hubs: new subscriptions, renewals before a lease ends, and
 * retries after a failure or denial; and ends leases that ran out. Each request is claimed in a
 * short transaction first, sent outside any transaction, and its outcome recorded in a third, as
 * the poller does with fetches.
 */
@ApplicationScoped
public class WebSubRenewer {

    private static final Logger LOG = Logger.getLogger(WebSubRenewer.class);
    private static final int BATCH = 20;
    /** Longer than one hub request can take, so another replica does not repeat it meanwhile. */
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final WebSubService service;
    private final WebSubSubscriptionRepository subscriptions;
    private final HubClient hubs;

    public WebSubRenewer(WebSubService service, WebSubSubscriptionRepository subscriptions, HubClient hubs) {
        this.service = service;
        this.subscriptions = subscriptions;
        this.hubs = hubs;
    }

    @Scheduled(every = "${alertwire.fetch.websub.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "websub-renewer", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (!service.enabled()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> service.expireLapsed(now()));
            List<Long> due = QuarkusTransaction.requiringNew().call(() -> subscriptions.claimDue(BATCH, CLAIM));
            for (long sourceId : due) {
                subscribe(sourceId);
            }
        } catch (RuntimeException e) {
            LOG.warnf("WebSub renewal run failed; due subscriptions wait for the next run: %s", e.toString());
        }
    }

    private void subscribe(long sourceId) {
        Optional<WebSubService.Request> request = QuarkusTransaction.requiringNew()
                .call(() -> service.request(sourceId, now()));
        if (request.isEmpty()) {
            return;
        }
        WebSubService.Request r = request.get();
        Instant sent = now();
        String failure = hubs.subscribe(r.hub(), r.topic(), r.callback(), r.secret(), r.lease());
        if (failure == null) {
            QuarkusTransaction.requiringNew().run(() -> service.requested(sourceId, sent));
            LOG.infof("WebSub subscription requested: sourceId=%d hub=%s", sourceId, r.hub());
        } else {
            QuarkusTransaction.requiringNew().run(() -> service.requestFailed(sourceId, failure, now()));
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
