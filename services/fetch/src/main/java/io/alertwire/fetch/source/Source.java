package io.alertwire.fetch.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A feed the service polls, with what it learnt at the last fetch.
 *
 * <p>Updates write only the columns that changed: the poller records a fetch while an operator may
 * be changing the same source through the API, and neither may write back the other's columns with
 * the values it read earlier (a PATCH of {@code fullText} or {@code name} would be lost otherwise).
 */
@Entity
@DynamicUpdate
@Table(name = "source")
public class Source {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 2048)
    private String url;

    @Column(name = "canonical_url", nullable = false, unique = true, length = 2048)
    private String canonicalUrl;

    @Column(nullable = false, length = 500)
    private String name;

    @Column(length = 16)
    private String kind;

    @Column(name = "poll_interval_seconds", nullable = false)
    private int pollIntervalSeconds;

    /** The interval in use now: starts at pollIntervalSeconds and adapts (see poll.AdaptiveInterval). */
    @Column(name = "current_interval_seconds", nullable = false)
    private int currentIntervalSeconds;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "full_text", nullable = false)
    private boolean fullText;

    @Column(length = 1024)
    private String etag;

    @Column(name = "last_modified", length = 256)
    private String lastModified;

    /** SHA-256 (hex) of the last parsed feed body: an identical body is not parsed again. */
    @Column(name = "content_digest", length = 64)
    private String contentDigest;

    /** The RSS ttl of the last parsed feed body, in seconds, or null. */
    @Column(name = "feed_ttl_seconds")
    private Integer feedTtlSeconds;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "last_fetched_at")
    private Instant lastFetchedAt;

    @Column(name = "next_fetch_at", nullable = false)
    private Instant nextFetchAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Source() {
        // for Hibernate
    }

    public Source(String url, String canonicalUrl, String name, Duration pollInterval, boolean enabled, Instant now) {
        this.url = url;
        this.canonicalUrl = canonicalUrl;
        this.name = name;
        this.pollIntervalSeconds = Math.toIntExact(pollInterval.toSeconds());
        this.currentIntervalSeconds = pollIntervalSeconds;
        this.enabled = enabled;
        this.createdAt = now;
        this.nextFetchAt = now; // a new source is due at once
    }

    /** The longest a source waits between fetches, whatever it or its server says. */
    static final Duration MAX_DELAY = Duration.ofHours(24);

    /**
     * A fetch that got a feed (or 304): the schedule returns to the (adapted) interval, or later if
     * the server or the feed asked for it (Cache-Control, Expires, RSS ttl), but never beyond a day.
     * A function of the stored schedule rather than a method of the entity, so that the poller can
     * record a batch of 304s in one statement (see poll.PollRecorder) by the same rule.
     *
     * @param interval the interval from now on, as adapted to what the fetch found
     * @param delay the wait until the next fetch: the interval with some jitter
     * @param notBefore the earliest next fetch the server or feed asked for, or null
     */
    public static FetchSuccess success(long sourceId, int status, Instant now, Duration interval, Duration delay,
            Instant notBefore) {
        Duration stored = Duration.ofSeconds(Math.max(1, Math.min(interval.toSeconds(), MAX_DELAY.toSeconds())));
        return new FetchSuccess(sourceId, status, now, stored, later(now.plus(delay), notBefore, now));
    }

    /** Applies a successful fetch (see {@link #success}): failures and the last error are cleared. */
    public void recordSuccess(FetchSuccess success) {
        lastStatus = success.status();
        lastError = null;
        consecutiveFailures = 0;
        lastFetchedAt = success.fetchedAt();
        currentIntervalSeconds = Math.toIntExact(success.interval().toSeconds());
        nextFetchAt = success.nextFetchAt();
    }

    /** What the next fetch's schedule depends on. */
    public SourceSchedule schedule() {
        return new SourceSchedule(id, currentInterval(), pollInterval(), lastFetchedAt);
    }

    private static Instant later(Instant planned, Instant notBefore, Instant now) {
        if (notBefore == null || !notBefore.isAfter(planned)) {
            return planned;
        }
        Instant limit = now.plus(MAX_DELAY);
        return notBefore.isAfter(limit) ? limit : notBefore.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The feed said (by a permanent redirect) that it now lives elsewhere; what we learnt still holds. */
    public void followPermanentRedirect(String url, String canonicalUrl) {
        this.url = url;
        this.canonicalUrl = canonicalUrl;
    }

    /**
     * A failed fetch: backs off exponentially, interval × 2^failures, at most a day, so a broken
     * feed costs little and a recovered one is picked up again; later still if the server asked
     * for it (Retry-After), again at most a day.
     *
     * @param notBefore the earliest next attempt the server asked for, or null
     */
    public void recordFailure(Integer status, String reason, Instant now, Instant notBefore) {
        lastStatus = status;
        lastError = reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…";
        consecutiveFailures++;
        lastFetchedAt = now;
        nextFetchAt = later(now.plus(backoff(currentInterval(), consecutiveFailures)), notBefore, now);
    }

    static Duration backoff(Duration interval, int failures) {
        Duration max = MAX_DELAY;
        int exponent = Math.min(failures, 20); // 2^20 × 1 min is already far beyond a day
        Duration delay = interval.multipliedBy(1L << exponent);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Points the source at a new address: what was learnt from the old one no longer applies. */
    public void moveTo(String url, String canonicalUrl, Instant now) {
        this.url = url;
        this.canonicalUrl = canonicalUrl;
        this.kind = null;
        this.etag = null;
        this.lastModified = null;
        this.contentDigest = null;
        this.feedTtlSeconds = null;
        this.consecutiveFailures = 0;
        this.lastError = null;
        this.nextFetchAt = now;
    }

    public void rename(String name) {
        this.name = name;
    }

    /**
     * A new interval takes effect from the last fetch, so shortening it does not wait out the old
     * one; what the adaptive interval learnt is dropped, it starts again from the user's choice.
     */
    public void changePollInterval(Duration interval, Instant now) {
        this.pollIntervalSeconds = Math.toIntExact(interval.toSeconds());
        this.currentIntervalSeconds = pollIntervalSeconds;
        if (consecutiveFailures == 0 && lastFetchedAt != null) {
            Instant next = lastFetchedAt.plus(interval);
            nextFetchAt = next.isBefore(now) ? now : next;
        }
    }

    /**
     * Makes the source due by {@code dueAt} unless it already is: a push channel that carried its
     * news (WebSub) has lapsed and polling takes over again.
     */
    public void dueBy(Instant dueAt) {
        if (enabled && nextFetchAt.isAfter(dueAt)) {
            nextFetchAt = dueAt;
        }
    }

    /** Turning a source on makes it due at once, as a new source is. */
    public void setEnabled(boolean enabled, Instant now) {
        if (enabled && !this.enabled) {
            nextFetchAt = now;
        }
        this.enabled = enabled;
    }

    public Long getId() {
        return id;
    }

    public String getUrl() {
        return url;
    }

    public String getCanonicalUrl() {
        return canonicalUrl;
    }

    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public Duration pollInterval() {
        return Duration.ofSeconds(pollIntervalSeconds);
    }

    /** The interval in use now, adapted to the source's rate of new articles. */
    public Duration currentInterval() {
        return Duration.ofSeconds(currentIntervalSeconds);
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Whether each new article's page is downloaded for its full text. */
    public boolean isFullText() {
        return fullText;
    }

    public void setFullText(boolean fullText) {
        this.fullText = fullText;
    }

    public String getEtag() {
        return etag;
    }

    public String getLastModified() {
        return lastModified;
    }

    /** Stores what tells the next fetch the feed is unchanged; only once the items it covers are saved. */
    public void setValidators(QuietFetch.Validators validators) {
        this.etag = validators.etag();
        this.lastModified = validators.lastModified();
        this.contentDigest = validators.contentDigest();
        this.feedTtlSeconds = validators.feedTtlSeconds();
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public String getLastError() {
        return lastError;
    }

    public int getConsecutiveFailures() {
        return consecutiveFailures;
    }

    public Instant getLastFetchedAt() {
        return lastFetchedAt;
    }

    public Instant getNextFetchAt() {
        return nextFetchAt;
    }

    public void setNextFetchAt(Instant nextFetchAt) {
        this.nextFetchAt = nextFetchAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
