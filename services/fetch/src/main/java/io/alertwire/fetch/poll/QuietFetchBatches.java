package io.alertwire.fetch.poll;

import io.alertwire.fetch.poll.PollRecorder.Quiet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Records fetches that brought nothing new (304s, feeds with only known entries) in batches, by
 * group commit: a worker queues its outcome, and whichever worker finds no batch being written
 * writes everything queued so far in one transaction (see {@link PollRecorder#recordQuietFetches}),
 * then looks again. So an idle service records each fetch at once, as before, while a busy one
 * writes a few dozen per transaction instead of a transaction per source; no timer delays
 * anything, and no worker waits for another's batch.
 *
 * <p>A worker may return before its outcome is written (another worker is writing it): the source
 * stays leased until then, so nobody fetches it twice. If a batch fails, its outcomes are recorded
 * one by one, so one bad row cannot lose the others; if that fails too, the source's lease runs out
 * and it is fetched again, as after any failure to record.
 */
@ApplicationScoped
public class QuietFetchBatches {

    private static final Logger LOG = Logger.getLogger(QuietFetchBatches.class);
    /** Bounds a statement's arrays and a transaction's locks; a batch is rarely near it. */
    private static final int MAX_BATCH = 500;

    private final PollRecorder recorder;
    private final Queue<Quiet> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    public QuietFetchBatches(PollRecorder recorder) {
        this.recorder = recorder;
    }

    /** Records the fetch now, in a batch with the others queued meanwhile, or hands it to the worker writing one. */
    void record(Quiet fetch) {
        queued.add(fetch);
        // checked again after each unlock: a 304 queued while a batch was written is never left behind
        while (!queued.isEmpty() && writing.tryLock()) {
            try {
                write(drain());
            } finally {
                writing.unlock();
            }
        }
    }

    private List<Quiet> drain() {
        List<Quiet> batch = new ArrayList<>();
        for (Quiet next; batch.size() < MAX_BATCH && (next = queued.poll()) != null; ) {
            batch.add(next);
        }
        return batch;
    }

    private void write(List<Quiet> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            recorder.recordQuietFetches(batch);
            LOG.debugf("Fetches with nothing new: %d recorded in one batch", batch.size());
        } catch (RuntimeException e) {
            LOG.warnf("Could not record %d fetches as a batch, recording them one by one: %s", batch.size(), e.toString());
            for (Quiet outcome : batch) {
                try {
                    recorder.recordQuietFetches(List.of(outcome));
                } catch (RuntimeException again) {
                    LOG.warnf("Could not record the fetch of sourceId=%d; it waits for its lease: %s",
                            outcome.sourceId(), again.toString());
                }
            }
        }
    }
}
