package io.alertwire.fetch.poll;

import io.alertwire.events.ArticleEvent;
import io.alertwire.fetch.article.OutboxRelay;
import io.alertwire.fetch.feed.FeedParser;
import io.alertwire.fetch.feed.FeedRejectedException;
import io.alertwire.fetch.feed.ParsedFeed;
import io.alertwire.fetch.language.LanguageGuesser;
import io.alertwire.fetch.robots.RobotsPolicy;
import io.alertwire.fetch.robots.RobotsVerdict;
import io.alertwire.fetch.source.ClaimedSource;
import io.alertwire.fetch.source.QuietFetch;
import io.alertwire.fetch.source.SourceRepository;
import io.alertwire.fetch.websub.WebSubService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/** Claims due sources, fetches them in parallel, parses and records each. See the package docs. */
@ApplicationScoped
public class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class);

    private final SourceRepository sources;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final PollRecorder recorder;
    private final QuietFetchBatches quietFetches;
    private final OutboxRelay relay;
    private final PollConfig config;
    private final RobotsPolicy robots;
    private final LanguageGuesser languages;
    private final ArticlePages pages;
    private final ExecutorService workers;
    private final HostSlots hosts;
    /** Sources handed to the workers and not finished: being fetched, or queued for a worker. */
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean claiming = new AtomicBoolean();
    /** Whether the last claim took all it asked for, so more sources may be due right now. */
    private volatile boolean backlog;
    private final FetchMetrics metrics;
    private final WebSubService webSub;

    public Poller(SourceRepository sources, FeedFetcher fetcher, FeedParser parser, PollRecorder recorder,
            QuietFetchBatches quietFetches, OutboxRelay relay, RobotsPolicy robots, LanguageGuesser languages,
            ArticlePages pages, PollConfig config, FetchMetrics metrics, WebSubService webSub) {
        this.sources = sources;
        this.fetcher = fetcher;
        this.parser = parser;
        this.recorder = recorder;
        this.quietFetches = quietFetches;
        this.relay = relay;
        this.config = config;
        this.robots = robots;
        this.languages = languages;
        this.pages = pages;
        this.hosts = new HostSlots(config.perHostConcurrency());
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.concurrency(), task -> {
            Thread thread = new Thread(task, "source-fetch-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.metrics = metrics;
        this.webSub = webSub;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    @Scheduled(every = "${alertwire.fetch.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "source-poller",
            // not before start-up has finished: the Kafka emitter is wired during start-up
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        dispatchDue();
    }

    /**
     * Claims as many due sources as the workers and their short queue can take and hands them out.
     * Called by the tick and, while the last claim found more due sources than it could take, by
     * each worker that frees up, so a backlog is worked through at the workers' pace rather than the
     * tick's.
     */
    private void dispatchDue() {
        // one claim at a time per replica: concurrent claims would only split the same idle workers.
        // Workers that free up during a claim leave without claiming, so after each claim the
        // claimer looks again: otherwise they would idle until the next tick despite a backlog.
        while (claiming.compareAndSet(false, true)) {
            try {
                claimAndDispatch();
            } finally {
                claiming.set(false);
            }
            if (!(backlog && enoughIdleToRefill())) {
                return;
            }
        }
    }

    /**
     * How many sources may be claimed but not yet fetched, beyond the workers: half as many again.
     * While a claim runs, the workers that free up take these rather than idle; a queued source
     * waits at most for the fetches ahead of it (each bounded by the request timeout), well within
     * its lease.
     */
    private int claimedAtMost() {
        return config.concurrency() + Math.max(1, config.concurrency() / 2);
    }

    /** Refills come in batches (a quarter of the workers) rather than one claim per finished fetch. */
    private boolean enoughIdleToRefill() {
        int free = claimedAtMost() - running.get();
        return free >= Math.max(1, Math.min(config.batchSize(), config.concurrency()) / 4);
    }

    private void claimAndDispatch() {
        // only as many as the workers and their short queue hold: a slow fetch holds its own
        // worker only, never the next tick
        int idle = claimedAtMost() - running.get();
        if (idle <= 0) {
            return;
        }
        int wanted = Math.min(config.batchSize(), idle);
        List<ClaimedSource> due;
        try {
            // committed before any fetch, so the lease is visible to other replicas while we work
            due = QuarkusTransaction.requiringNew().call(() -> sources.claimDue(wanted, config.lease()));
        } catch (RuntimeException e) {
            LOG.warnf("Could not claim due sources: %s", e.toString());
            backlog = false; // no retry loop against a failing database: the next tick tries again
            return;
        }
        backlog = due.size() == wanted;
        List<Long> hostBusy = new ArrayList<>();
        for (ClaimedSource source : due) {
            String host = HostSlots.of(source.url());
            if (!hosts.tryAcquire(host, Instant.now())) {
                hostBusy.add(source.id());
                continue;
            }
            running.incrementAndGet();
            try {
                startFetch(source, host);
            } catch (RejectedExecutionException shuttingDown) {
                hosts.release(host, Instant.now());
                running.decrementAndGet();
                backlog = false;
                return; // the lease runs out and another replica, or the next start, fetches it
            }
        }
        // behind the sources already due, so a busy host's backlog cannot crowd out other hosts
        postpone(hostBusy, Instant.now().plus(config.tick()));
    }

    /** Hands the source to a worker, which afterwards refills the workers while there is a backlog. */
    private void startFetch(ClaimedSource source, String host) {
        CompletableFuture.runAsync(() -> {
            try {
                if (poll(source, host) > 0) {
                    relay.relayPending(); // publish now rather than at the relay's next tick
                }
            } finally {
                hosts.release(host, Instant.now());
                running.decrementAndGet();
                if (backlog && enoughIdleToRefill()) {
                    dispatchDue();
                }
            }
        }, workers);
    }

    /** Hands sources back unfetched (not a failure); if that fails, their lease runs out instead. */
    private void postpone(List<Long> ids, Instant dueAt) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> sources.postpone(ids, dueAt.truncatedTo(ChronoUnit.MICROS)));
            LOG.debugf("Sources postponed, host busy or in crawl delay: sourceIds=%s until=%s", ids, dueAt);
        } catch (RuntimeException e) {
            LOG.warnf("Could not postpone sourceIds=%s; they wait for their lease: %s", ids, e.toString());
        }
    }

    /** Fetches, parses and records one source. Never throws; returns how many articles were new. */
    int poll(ClaimedSource source, String host) {
        try {
            RobotsVerdict verdict = robots.check(source.url());
            if (verdict instanceof RobotsVerdict.Denied denied) {
                fail(source, null, denied.reason(), Instant.now().truncatedTo(ChronoUnit.MICROS), null);
                return 0;
            }
            Instant turn = hosts.takeTurn(host, ((RobotsVerdict.Allowed) verdict).crawlDelay(), Instant.now());
            if (turn != null) {
                postpone(List.of(source.id()), turn);
                return 0;
            }
            long started = System.nanoTime();
            FetchResult result = fetcher.fetch(source);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            if (result instanceof FetchResult.NotModified notMod) {
                if (notMod.movedTo() == null) {
                    quietFetches.record(new PollRecorder.Quiet(source.id(), notMod.status(), now, notMod.freshUntil(),
                            null, null));
                } else {
                    recorder.recordNotModified(source.id(), notMod.status(), now, notMod.freshUntil(), notMod.movedTo());
                }
                metrics.fetched(FetchMetrics.NOT_MODIFIED, started, 0);
                LOG.debugf("Source not modified: sourceId=%d", source.id());
                return 0;
            }
            if (result instanceof FetchResult.Failed failure) {
                metrics.timed(FetchMetrics.FAILED, started);
                fail(source, failure.status(), failure.reason(), now, failure.retryAfter());
                return 0;
            }
            FetchResult.Fetched fetched = (FetchResult.Fetched) result;
            String digest = ContentDigest.of(fetched.body());
            if (source.servedBefore(digest) && fetched.movedTo() == null) {
                recordUnchanged(source, fetched, digest, now, started);
                return 0;
            }
            ParsedFeed feed;
            try {
                feed = parser.parse(fetched.body(), fetched.contentType(), fetched.finalUri(),
                        String.valueOf(source.id()), source.name(), now);
            } catch (FeedRejectedException e) {
                metrics.timed(FetchMetrics.FAILED, started);
                fail(source, fetched.status(), e.getMessage(), now, null);
                return 0;
            }
            QuietFetch.Validators validators =
                    new QuietFetch.Validators(fetched.etag(), fetched.lastModified(), digest, feed.ttl());
            Instant notBefore = notBefore(fetched.freshUntil(), feed.ttl(), now);
            // only articles no source has brought yet are worth a page download or detecting a language for
            List<ArticleEvent> unseen = recorder.unseen(feed.articles());
            if (source.fullText()) {
                unseen = pages.withFullText(unseen, host, hosts);
            }
            int inserted;
            if (unseen.isEmpty() && fetched.movedTo() == null) {
                // nothing to save but the fetch itself: recorded in a batch, as a 304 is
                quietFetches.record(new PollRecorder.Quiet(source.id(), fetched.status(), now, notBefore, feed.kind(),
                        validators));
                inserted = 0;
            } else {
                List<ArticleEvent> articles = unseen.stream().map(languages::fillIn).toList();
                inserted = recorder.recordFeed(source.id(), fetched.status(), feed.kind(), validators, articles, now,
                        notBefore, fetched.movedTo());
            }
            metrics.fetched(FetchMetrics.OK, started, inserted);
            discoverHub(source, fetched, feed);
            // a line per fetch that brought news; a fetch with nothing new is no event (the metrics count it)
            LOG.logf(inserted > 0 ? Logger.Level.INFO : Logger.Level.DEBUG,
                    "Source fetched: sourceId=%d status=%d kind=%s entries=%d new=%d skipped=%d", source.id(),
                    fetched.status(), feed.kind(), feed.articles().size(), inserted, feed.skipped());
            return inserted;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Unexpected error polling sourceId=%d", source.id());
            try {
                fail(source, null, "internal error while processing the feed; see the service log",
                        Instant.now().truncatedTo(ChronoUnit.MICROS), null);
            } catch (RuntimeException again) {
                // the lease runs out and the source is retried
                LOG.warnf("Could not record the failure of sourceId=%d: %s", source.id(), again.toString());
            }
            return 0;
        }
    }

    /**
     * The very body parsed last time (a server without validators): nothing new, and the ttl that
     * body asked for still holds; recorded in a batch, as a 304 is.
     */
    private void recordUnchanged(ClaimedSource source, FetchResult.Fetched fetched, String digest, Instant now,
            long started) {
        quietFetches.record(new PollRecorder.Quiet(source.id(), fetched.status(), now,
                notBefore(fetched.freshUntil(), source.feedTtl(), now), null,
                new QuietFetch.Validators(fetched.etag(), fetched.lastModified(), digest, source.feedTtl())));
        metrics.fetched(FetchMetrics.UNCHANGED, started, 0);
        LOG.debugf("Source unchanged (same body as last parsed): sourceId=%d", source.id());
    }

    /**
     * The later of what the server (Cache-Control, Expires: {@code freshUntil}) and the feed (its RSS
     * {@code ttl}) ask for, or null when neither asks.
     */
    private static Instant notBefore(Instant freshUntil, Duration ttl, Instant now) {
        Instant byTtl = ttl == null ? null : now.plus(ttl);
        if (byTtl == null) {
            return freshUntil;
        }
        return freshUntil == null || byTtl.isAfter(freshUntil) ? byTtl : freshUntil;
    }

    /** Hands the hubs the feed names (Link headers first, then the document) to WebSub; never throws. */
    private void discoverHub(ClaimedSource source, FetchResult.Fetched fetched, ParsedFeed feed) {
        try {
            webSub.discovered(source.id(), fetched.finalUri(), fetched.hubLinks().or(feed.hubLinks()));
        } catch (RuntimeException e) {
            LOG.warnf("Could not record the WebSub hub of sourceId=%d: %s", source.id(), e.toString());
        }
    }

    private void fail(ClaimedSource source, Integer status, String reason, Instant now, Instant retryAfter) {
        int failures = recorder.recordFailure(source.id(), status, reason, now, retryAfter);
        metrics.failed();
        LOG.infof("Source failed: sourceId=%d failures=%d reason=%s", source.id(), failures, reason);
    }
}
