package io.alertwire.notifier.delivery;

import io.alertwire.notifier.delivery.DeliveryQueue.Attempt;
import io.alertwire.notifier.email.AlertMailer;
import io.alertwire.notifier.fault.CrashPoint;
import io.alertwire.notifier.fault.CrashSeam;
import io.alertwire.notifier.subscription.Subscription;
import io.alertwire.notifier.webhook.WebhookSender;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Drains the delivery queue on a thread of its own: claim a batch (one transaction), send it
 * (several at a time, no transaction, so that a slow receiver never holds a database lock), record
 * the batch (one transaction; should some sends take longer than a moment, the finished ones are
 * recorded first and the slow ones when they finish). After a full batch the next one is claimed
 * while the sends run, so claiming and sending overlap under load. While full batches come back it goes straight on; otherwise it
 * sleeps until the next delivery falls due, at most {@link DeliveryConfig#deliveryTick()}, and a
 * match that created deliveries wakes it at once ({@link #wake}), so an alert waits for its gather
 * window and not for a polling interval.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** Within Quarkus' shutdown timeout: the batch in flight is finished and recorded, not abandoned. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    /** How long finished sends of a batch may wait for slower ones before they are recorded. */
    private static final Duration RECORD_EVERY = Duration.ofSeconds(2);

    private final DeliveryQueue queue;
    private final WebhookSender webhooks;
    private final AlertMailer mailer;
    private final DeliveryMetrics metrics;
    private final DeliveryConfig config;
    private final CrashSeam crashes;
    private final Object signal = new Object();
    /** Guarded by {@link #signal}: a wake-up came since the worker last looked. */
    private boolean woken;
    private volatile boolean running;
    /** Claimed while the batch before was being sent, and sent next: only the worker thread touches it. */
    private List<DeliveryTask> claimedAhead = List.of();
    private Thread loop;
    private ExecutorService senders;

    public DeliveryWorker(DeliveryQueue queue, WebhookSender webhooks, AlertMailer mailer, DeliveryMetrics metrics,
            DeliveryConfig config, CrashSeam crashes) {
        this.queue = queue;
        this.webhooks = webhooks;
        this.mailer = mailer;
        this.metrics = metrics;
        this.config = config;
        this.crashes = crashes;
    }

    // after start-up (the schema is migrated), and stopped before the datasource goes away
    void start(@Observes StartupEvent event) {
        AtomicInteger threads = new AtomicInteger();
        senders = Executors.newFixedThreadPool(config.sendConcurrency(), task -> {
            Thread t = new Thread(task, "delivery-sender-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        loop = new Thread(this::run, "delivery-worker");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        try {
            loop.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
    }

    /** Something may be due soon (a match created deliveries): look again now instead of after the tick. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        try {
            drainWhileRunning();
        } finally {
            giveBackClaimedAhead();
        }
    }

    private void drainWhileRunning() {
        while (running) {
            try {
                if (drainOnce() < config.batchSize() && claimedAhead.isEmpty()) {
                    awaitWork();
                }
            } catch (RuntimeException e) {
                // the database may be restarting: the claimed rows come back when their lease ends
                LOG.errorf(e, "Delivery worker: a round failed; trying again in %s", config.deliveryTick());
                sleep(config.deliveryTick());
            }
        }
    }

    /**
     * Claims, sends and records one batch; returns how many deliveries it sent. After a full batch
     * more is likely due, so the next batch is claimed while this one is being sent.
     */
    int drainOnce() {
        List<DeliveryTask> batch = claimedAhead.isEmpty() ? queue.claimDue() : claimedAhead;
        claimedAhead = List.of();
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Attempt>> pending = new ArrayList<>(batch.stream()
                .map(task -> CompletableFuture.supplyAsync(() -> attempt(task), senders))
                .toList());
        if (batch.size() >= config.batchSize()) {
            claimAhead();
        }
        while (!pending.isEmpty()) {
            awaitAllOrWhile(pending, RECORD_EVERY);
            List<Attempt> done = pending.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
            pending.removeIf(CompletableFuture::isDone);
            if (!done.isEmpty()) {
                record(done);
            }
        }
        return batch.size();
    }

    /** At shutdown: a batch claimed ahead is made due again at once, instead of when its lease ends. */
    private void giveBackClaimedAhead() {
        if (!claimedAhead.isEmpty()) {
            try {
                queue.giveBack(claimedAhead.stream().map(DeliveryTask::deliveryId).toList());
            } catch (RuntimeException e) {
                LOG.warnf("Delivery worker: %d deliveries claimed ahead are sent when their lease ends (%s)",
                        claimedAhead.size(), e.getMessage());
            }
            claimedAhead = List.of();
        }
    }

    private void claimAhead() {
        try {
            claimedAhead = queue.claimDue();
        } catch (RuntimeException e) {
            // the batch in flight is still recorded; the next round claims again
            LOG.errorf(e, "Delivery worker: could not claim the next batch ahead");
        }
    }

    /**
     * Waits until every send is done, or for {@code most} at the longest: then the finished sends
     * are recorded while the slow ones go on, so that a receiver that takes its time never keeps
     * the others unrecorded until their lease runs out (and another replica sends them again).
     */
    private static void awaitAllOrWhile(List<CompletableFuture<Attempt>> sends, Duration most) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(most.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // record what is done so far
        } catch (ExecutionException e) {
            // not thrown by attempt(), which turns every failure into an outcome
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        }
    }

    private void record(List<Attempt> attempts) {
        crashes.reached(CrashPoint.AFTER_SEND);
        try {
            queue.recordEach(attempts);
        } catch (RuntimeException e) {
            // the leases expire and these are sent again, with the same webhook-ids and Message-IDs
            LOG.errorf(e, "Could not record the attempts of %d deliveries (first %s)", attempts.size(),
                    attempts.get(0).deliveryId());
        }
    }

    private Attempt attempt(DeliveryTask task) {
        Instant attemptedAt = Instant.now();
        SendOutcome outcome = send(task);
        metrics.attempted(task.channelType(), "alert", outcome);
        if (outcome.success() && task.matchedAt() != null) {
            metrics.alertLatency(task.channelType(), Duration.between(task.matchedAt(), Instant.now()));
        }
        return new Attempt(task.deliveryId(), attemptedAt, outcome);
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

    /** Sleeps until the next delivery falls due, a wake-up, or the tick, whichever comes first. */
    private void awaitWork() {
        Duration wait = config.deliveryTick();
        Optional<Instant> next = queue.nextDue();
        if (next.isPresent()) {
            Duration untilDue = Duration.between(Instant.now(), next.get());
            wait = untilDue.isNegative() ? Duration.ZERO : untilDue.compareTo(wait) < 0 ? untilDue : wait;
        }
        synchronized (signal) {
            try {
                if (!woken && running && !wait.isZero()) {
                    // at least 1 ms: wait(0) would wait for ever
                    signal.wait(Math.max(1, wait.toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            woken = false;
        }
    }

    private void sleep(Duration pause) {
        synchronized (signal) {
            try {
                if (running) {
                    signal.wait(Math.max(1, pause.toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
