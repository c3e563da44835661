package io.alertwire.fetch.websub;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The WebSub subscription of one source to the hub its feed names. */
@Entity
@Table(name = "websub_subscription")
public class WebSubSubscription {

    @Id
    @Column(name = "source_id")
    private Long sourceId;

    @Column(name = "hub_url", nullable = false, length = 2048)
    private String hubUrl;

    @Column(name = "topic_url", nullable = false, length = 2048)
    private String topicUrl;

    /** The HMAC key of X-Hub-Signature. Never logged, never shown by the API. */
    @Column(nullable = false, length = 200)
    private String secret;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SubscriptionState state;

    @Column(name = "lease_seconds")
    private Integer leaseSeconds;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "last_request_at")
    private Instant lastRequestAt;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "last_push_at")
    private Instant lastPushAt;

    protected WebSubSubscription() {
        // for Hibernate
    }

    /** A subscription to ask for now, with a fresh secret. */
    WebSubSubscription(long sourceId, String hubUrl, String topicUrl, String secret, Instant now) {
        this.sourceId = sourceId;
        this.hubUrl = hubUrl;
        this.topicUrl = topicUrl;
        this.secret = secret;
        this.state = SubscriptionState.PENDING;
        this.requestedAt = now;
        this.nextAttemptAt = now;
    }

    /** Whether the hub pushes this source's news now, so polling can slow down to a safety net. */
    public boolean carriesNews(Instant now) {
        return state == SubscriptionState.ACTIVE && expiresAt != null && expiresAt.isAfter(now);
    }

    /**
     * Whether a hub's verification request is about this subscription: one we asked for, or renewed,
     * or whose renewal arrives after its lease lapsed.
     */
    boolean awaitsVerification(String topic) {
        return topicUrl.equals(topic) && (state == SubscriptionState.PENDING || state == SubscriptionState.ACTIVE
                || state == SubscriptionState.EXPIRED);
    }

    /** The hub accepted a request; until it verifies it, a lapsed or refused subscription is pending again. */
    void requested(Instant now, Instant verifyBy) {
        lastRequestAt = now;
        // a hub that verifies while answering the request has already set the state and renewal time
        if (verifiedAt == null || verifiedAt.isBefore(now)) {
            if (!carriesNews(now)) {
                state = SubscriptionState.PENDING;
            }
            nextAttemptAt = verifyBy;
        }
    }

    /** Whether the hub accepted a request for a subscription that is still not in force, and never verified it. */
    boolean neverVerified(Instant now) {
        return state == SubscriptionState.PENDING && lastRequestAt != null
                && (verifiedAt == null || verifiedAt.isBefore(lastRequestAt)) && !carriesNews(now);
    }

    void verified(Instant now, int grantedLeaseSeconds, Instant renewAt) {
        state = SubscriptionState.ACTIVE;
        verifiedAt = now;
        leaseSeconds = grantedLeaseSeconds;
        expiresAt = now.plusSeconds(grantedLeaseSeconds);
        nextAttemptAt = renewAt;
        lastError = null;
    }

    /** The hub refused, failed or never answered; an active lease still runs until it ends. */
    void failed(SubscriptionState newState, String reason, Instant retryAt, Instant now) {
        if (!carriesNews(now)) {
            state = newState;
        }
        lastError = reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…";
        nextAttemptAt = retryAt;
    }

    /** The hub says the subscription is refused or no longer valid (it may say so at any time). */
    void denied(String reason, Instant retryAt) {
        state = SubscriptionState.DENIED;
        expiresAt = null;
        lastError = reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…";
        nextAttemptAt = retryAt;
    }

    void expired(Instant now) {
        state = SubscriptionState.EXPIRED;
        nextAttemptAt = now;
    }

    void pushed(Instant now) {
        lastPushAt = now;
    }

    public Long getSourceId() {
        return sourceId;
    }

    public String getHubUrl() {
        return hubUrl;
    }

    public String getTopicUrl() {
        return topicUrl;
    }

    String getSecret() {
        return secret;
    }

    public SubscriptionState getState() {
        return state;
    }

    public Integer getLeaseSeconds() {
        return leaseSeconds;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getLastPushAt() {
        return lastPushAt;
    }
}
