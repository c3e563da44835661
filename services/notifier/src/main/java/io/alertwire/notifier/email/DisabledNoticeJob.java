package io.alertwire.notifier.email;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Relays the owner notices of disabled subscriptions, as the confirmation job relays its mails. */
@ApplicationScoped
public class DisabledNoticeJob {

    private static final Logger LOG = Logger.getLogger(DisabledNoticeJob.class);
    private static final int MAX_PER_TICK = 50;

    private final DisabledNotice notice;

    public DisabledNoticeJob(DisabledNotice notice) {
        this.notice = notice;
    }

    // the mail outboxes share one tick (ALERTWIRE_NOTIFIER_CONFIRMATION_TICK)
    @Scheduled(every = "${alertwire.notifier.confirmation-tick}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        for (UUID id : notice.waiting(MAX_PER_TICK)) {
            try {
                notice.send(id);
            } catch (RuntimeException e) {
                LOG.warnf("Subscription %s: disabled notice not sent, will retry: %s", id, e.getMessage());
            }
        }
    }
}
