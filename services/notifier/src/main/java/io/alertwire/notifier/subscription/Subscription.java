package io.alertwire.notifier.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One subscriber's wish: alerts for some topics, on one channel. */
@Entity
@Table(name = "subscription")
public class Subscription {

    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";

    public static final String PENDING = "pending";
    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";
    /** The recipient unsubscribed (a link in a mail); only a new subscription can bring them back. */
    public static final String UNSUBSCRIBED = "unsubscribed";
    /** Switched off by the notifier, e.g. a webhook answered 410 Gone; an admin may resume it. */
    public static final String DISABLED = "disabled";

    public static final String INSTANT = "instant";

    @Id
    private UUID id;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> topics;

    @Column(name = "channel_type", nullable = false)
    private String channelType;

    @Column(name = "email_address")
    private String emailAddress;

    @Column(name = "webhook_url")
    private String webhookUrl;

    @Column(name = "webhook_secret")
    private String webhookSecret;

    /** The secret before the last rotation; it signs too until {@link #previousSecretUntil}. */
    @Column(name = "previous_webhook_secret")
    private String previousWebhookSecret;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    /** Whom to tell when the notifier disables the subscription; null: the operator's address. */
    @Column(name = "contact_email")
    private String contactEmail;

    /** The first failed attempt since the endpoint last took a delivery; null while it works. */
    @Column(name = "failing_since")
    private Instant failingSince;

    /** Set when the notifier disabled the subscription and its owner has not been told yet. */
    @Column(name = "owner_notice_due", nullable = false)
    private boolean ownerNoticeDue;

    @Column(nullable = false)
    private String mode;

    @Column(name = "digest_at")
    private LocalTime digestAt;

    private String timezone;

    @Column(name = "min_score", nullable = false)
    private double minScore;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> languages;

    @Column(nullable = false)
    private String status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "confirmation_sent_at")
    private Instant confirmationSentAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Subscription() {
        // for Hibernate
    }

    private Subscription(List<String> topics, String channelType, String mode, LocalTime digestAt, String timezone,
            double minScore, List<String> languages, String status) {
        this.id = UUID.randomUUID();
        this.topics = List.copyOf(topics);
        this.channelType = channelType;
        this.mode = mode;
        this.digestAt = digestAt;
        this.timezone = timezone;
        this.minScore = minScore;
        this.languages = List.copyOf(languages);
        this.status = status;
        this.createdAt = Instant.now();
    }

    /** An email subscription: pending until the address confirms (double opt-in). */
    static Subscription email(String address, List<String> topics, String mode, LocalTime digestAt, String timezone,
            double minScore, List<String> languages) {
        Subscription s = new Subscription(topics, EMAIL, mode, digestAt, timezone, minScore, languages, PENDING);
        s.emailAddress = address;
        return s;
    }

    /** A webhook subscription: active at once, since whoever holds the admin token owns the endpoint. */
    static Subscription webhook(String url, String secret, List<String> topics, String mode, LocalTime digestAt,
            String timezone, double minScore, List<String> languages) {
        Subscription s = new Subscription(topics, WEBHOOK, mode, digestAt, timezone, minScore, languages, ACTIVE);
        s.webhookUrl = url;
        s.webhookSecret = secret;
        return s;
    }

    /**
     * Replaces the webhook secret; the one it replaces keeps signing as well until {@code overlapUntil}.
     * A rotation during an overlap ends the older overlap: only the two newest secrets sign.
     */
    void rotateSecret(String fresh, Instant overlapUntil) {
        this.previousWebhookSecret = webhookSecret;
        this.previousSecretUntil = overlapUntil;
        this.webhookSecret = fresh;
    }

    /** The rotated secret while it still signs at {@code now}; null when there is none. */
    public String previousSecretAt(Instant now) {
        return honoured(previousWebhookSecret, previousSecretUntil, now);
    }

    /** A rotated secret, if it still signs at {@code now}. */
    static String honoured(String previousSecret, Instant until, Instant now) {
        return previousSecret != null && until != null && until.isAfter(now) ? previousSecret : null;
    }

    void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    /**
     * Records an attempt's result for the endpoint: a success clears the failure streak, a failure
     * starts one unless one is running.
     */
    public void attempted(boolean success, Instant at) {
        if (success) {
            failingSince = null;
        } else if (failingSince == null) {
            failingSince = at;
        }
    }

    /** Whether the owner still needs to be told that the notifier disabled the subscription. */
    public boolean isOwnerNoticeDue() {
        return ownerNoticeDue;
    }

    /** The owner has been told (or there was nobody to tell). */
    public void ownerNoticeDone() {
        ownerNoticeDue = false;
    }

    /** Records that the confirmation mail is being sent now. */
    public void confirmationSent(Instant at) {
        this.confirmationSentAt = at;
    }

    /** Moves to {@code status}; {@code reason} says why when it was not the owner's request. */
    void changeStatus(String status, String reason) {
        this.status = status;
        this.statusReason = reason;
        if (ACTIVE.equals(status)) {
            // a resumed endpoint gets a fresh start: its old failures do not count again
            failingSince = null;
        }
    }

    /** Disabled by the notifier (the endpoint is gone or kept failing); the owner is told once. */
    void disableByNotifier(String reason) {
        changeStatus(DISABLED, reason);
        ownerNoticeDue = true;
    }

    void setSchedule(String mode, LocalTime digestAt, String timezone) {
        this.mode = mode;
        this.digestAt = digestAt;
        this.timezone = timezone;
    }

    void setTopics(List<String> topics) {
        this.topics = List.copyOf(topics);
    }

    void setMinScore(double minScore) {
        this.minScore = minScore;
    }

    void setLanguages(List<String> languages) {
        this.languages = List.copyOf(languages);
    }

    public boolean isPending() {
        return PENDING.equals(status);
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public UUID getId() {
        return id;
    }

    public List<String> getTopics() {
        return topics;
    }

    public String getChannelType() {
        return channelType;
    }

    public String getEmailAddress() {
        return emailAddress;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public String getMode() {
        return mode;
    }

    public LocalTime getDigestAt() {
        return digestAt;
    }

    public String getTimezone() {
        return timezone;
    }

    public double getMinScore() {
        return minScore;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public String getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public Instant getPreviousSecretUntil() {
        return previousSecretUntil;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public Instant getFailingSince() {
        return failingSince;
    }

    public Instant getConfirmationSentAt() {
        return confirmationSentAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
