package io.alertwire.fetch.poll;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The fetch metrics on {@code /q/metrics} (see docs/operations.md): fetches by outcome and their
 * duration, new articles by how they came (poll or WebSub), and how many hosts are in back-off.
 */
@ApplicationScoped
public class FetchMetrics {

    public static final String OK = "ok";
    public static final String NOT_MODIFIED = "not_modified";
    /** A 200 whose body is byte for byte the last one parsed (a server without validators): not parsed again. */
    public static final String UNCHANGED = "unchanged";
    public static final String FAILED = "failed";

    private static final Logger LOG = Logger.getLogger(FetchMetrics.class);

    /**
     * Distinct hosts (host and port, as the per-host limit counts them) with an enabled source whose
     * last fetch failed, so that its next one is backed off.
     */
    private static final String HOSTS_BACKING_OFF = """
            SELECT count(DISTINCT lower(substring(url from '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?([^/?#]+)')))
            FROM source WHERE enabled AND consecutive_failures > 0
            """;

    private final MeterRegistry registry;
    private final EntityManager entityManager;
    private final Map<String, Counter> fetches;
    private final Map<String, Timer> durations;
    // kept rather than looked up in the registry per fetch: a lookup builds and hashes the meter's id
    private final Counter newByPoll;
    private final Counter newByWebSub;
    private final AtomicLong hostsBackingOff = new AtomicLong();

    public FetchMetrics(MeterRegistry registry, EntityManager entityManager) {
        this.registry = registry;
        this.entityManager = entityManager;
        this.fetches = Map.of(OK, fetchCounter(OK), NOT_MODIFIED, fetchCounter(NOT_MODIFIED),
                UNCHANGED, fetchCounter(UNCHANGED), FAILED, fetchCounter(FAILED));
        this.durations = Map.of(OK, timer(OK), NOT_MODIFIED, timer(NOT_MODIFIED), UNCHANGED, timer(UNCHANGED),
                FAILED, timer(FAILED));
        this.newByPoll = newArticles("poll");
        this.newByWebSub = newArticles("websub");
        Gauge.builder("alertwire.fetch.hosts.backing.off", hostsBackingOff, AtomicLong::get)
                .description("Hosts with an enabled source whose last fetch failed, so it is backed off "
                        + "(the same in every replica: read it with max)")
                .register(registry);
    }

    private Counter fetchCounter(String outcome) {
        return Counter.builder("alertwire.fetch.fetches").description("Source fetches by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private Timer timer(String outcome) {
        return Timer.builder("alertwire.fetch.duration")
                .description("Time from request to response of a source fetch, body and redirects included")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
    }

    private Counter newArticles(String via) {
        return Counter.builder("alertwire.fetch.articles.new")
                .description("Articles no source had brought before, saved to the outbox, by how they came")
                .tag("via", via).register(registry);
    }

    /** A fetch that got a feed or a 304, with how long it took and how many new articles it found. */
    void fetched(String outcome, long startedNanos, int newArticles) {
        fetches.get(outcome).increment();
        timed(outcome, startedNanos);
        if (newArticles > 0) {
            newByPoll.increment(newArticles);
        }
    }

    /** The duration of a fetch that got a response or gave up; its outcome is counted separately. */
    void timed(String outcome, long startedNanos) {
        durations.get(outcome).record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    /** A failed fetch, whether it was tried (HTTP error, bad feed) or refused before (robots.txt). */
    void failed() {
        fetches.get(FAILED).increment();
    }

    /** New articles a hub pushed. */
    public void pushed(int newArticles) {
        newByWebSub.increment(newArticles);
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "fetch-metrics-backoff", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshHostsBackingOff() {
        try {
            Number count = QuarkusTransaction.requiringNew().call(() ->
                    (Number) entityManager.createNativeQuery(HOSTS_BACKING_OFF).getSingleResult());
            hostsBackingOff.set(count.longValue());
        } catch (RuntimeException e) {
            LOG.debugf("Could not count hosts in back-off: %s", e.toString());
        }
    }
}
