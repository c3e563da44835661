package io.alertwire.notifier.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One alert of one story to one subscription, and its place in the send queue. */
@Entity
@Table(name = "delivery")
public class Delivery {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    @Id
    private UUID id;

    @Column(name = "subscription_id", nullable = false)
    private UUID subscriptionId;

    @Column(name = "story_id", nullable = false)
    private String storyId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<AlertTopic> topics;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private AlertStory story;

    @Column(nullable = false)
    private String status;

    /** Attempts since the delivery was created or an admin last retried it: its place in the retry schedule. */
    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    /** When its article was fetched, or else when its match was published: the start of the alert latency. */
    @Column(name = "matched_at")
    private Instant matchedAt;

    /** The digest time this delivery waits for; null for an instant alert. */
    @Column(name = "digest_at")
    private Instant digestAt;

    /** The digest it went into, once the digest job claimed it; kept through retries. */
    @Column(name = "digest_id")
    private UUID digestId;

    /** When the alert was first handed to the sender (instant alerts): what the rate limit counts. */
    @Column(name = "released_at")
    private Instant releasedAt;

    /** Why the delivery ended unsent when no attempt says so (its subscription was disabled). */
    @Column(name = "failure_reason")
    private String failureReason;

    protected Delivery() {
        // for Hibernate; rows are created by DeliveryRepository#createForMatch
    }

    void sent(Instant at) {
        attempts++;
        status = SENT;
        sentAt = at;
    }

    /** A failed attempt: retry at {@code retryAt}, or give up when it is null. */
    void failed(Instant retryAt) {
        attempts++;
        if (retryAt == null) {
            status = FAILED;
        } else {
            nextAttemptAt = retryAt;
        }
    }

    /**
     * Due now, on an admin's request, with a fresh retry schedule: a sent alert is sent again
     * (same id, so same {@code webhook-id}), a failed one gets another series of attempts.
     */
    void retryNow(Instant now) {
        // a digest delivery goes out again in a digest of its own, with a new id: its old digest
        // id names a message with other stories, which a receiver may already have taken
        digestId = null;
        failureReason = null;
        status = PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    void skipped() {
        status = SKIPPED;
    }

    /** Handed to the sender now, as one of the target's alerts of the current rate-limit window. */
    void released(Instant at) {
        releasedAt = at;
    }

    /**
     * Over the target's rate limit: instead of going out now the alert waits for the catch-up
     * digest at {@code windowEnd}, which the digest job sends with the other alerts held back.
     */
    void holdForDigest(Instant windowEnd) {
        digestAt = windowEnd;
        nextAttemptAt = windowEnd;
    }

    /** Given up without a further attempt, for the reason given. */
    void abandon(String reason) {
        status = FAILED;
        failureReason = reason;
    }

    public UUID getId() {
        return id;
    }

    public UUID getSubscriptionId() {
        return subscriptionId;
    }

    public String getStoryId() {
        return storyId;
    }

    public List<AlertTopic> getTopics() {
        return topics;
    }

    public AlertStory getStory() {
        return story;
    }

    public String getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getMatchedAt() {
        return matchedAt;
    }

    public Instant getDigestAt() {
        return digestAt;
    }

    public UUID getDigestId() {
        return digestId;
    }

    public Instant getReleasedAt() {
        return releasedAt;
    }

    public String getFailureReason() {
        return failureReason;
    }
}
