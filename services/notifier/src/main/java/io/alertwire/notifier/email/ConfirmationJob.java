package io.alertwire.notifier.email;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Relays the confirmation outbox: one transaction per mail, a bounded number per tick. A mail that
 * fails stays waiting and is tried again next tick, without holding up the others.
 */
@ApplicationScoped
public class ConfirmationJob {

    private static final Logger LOG = Logger.getLogger(ConfirmationJob.class);
    private static final int MAX_PER_TICK = 50;

    private final ConfirmationOutbox outbox;

    public ConfirmationJob(ConfirmationOutbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(every = "${alertwire.notifier.confirmation-tick}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not before start-up has finished, nor while shutting down (the database is going away)
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        for (UUID id : outbox.waiting(MAX_PER_TICK)) {
            try {
                outbox.send(id);
            } catch (RuntimeException e) {
                LOG.warnf("Subscription %s: confirmation mail not sent, will retry: %s", id, e.getMessage());
            }
        }
    }
}
