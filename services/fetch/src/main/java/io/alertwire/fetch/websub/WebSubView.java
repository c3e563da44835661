package io.alertwire.fetch.websub;

import java.time.Instant;

/**
 * A source's WebSub subscription as {@code GET /api/sources/{id}/websub} shows it (never the secret).
 *
 * @param state {@code PENDING}, {@code ACTIVE}, {@code DENIED}, {@code FAILED} or {@code EXPIRED}
 * @param lastError why the hub was not used the last time, or null
 */
public record WebSubView(String hub, String topic, String state, Integer leaseSeconds, Instant verifiedAt,
        Instant expiresAt, Instant nextAttemptAt, String lastError, Instant lastPushAt) {

    static WebSubView of(WebSubSubscription s) {
        return new WebSubView(s.getHubUrl(), s.getTopicUrl(), s.getState().name(), s.getLeaseSeconds(),
                s.getVerifiedAt(), s.getExpiresAt(), s.getNextAttemptAt(), s.getLastError(), s.getLastPushAt());
    }
}
