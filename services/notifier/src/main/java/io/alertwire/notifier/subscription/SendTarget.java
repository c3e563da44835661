package io.alertwire.notifier.subscription;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * What sending to an active subscription needs, read in one statement for a whole batch without
 * loading entities.
 *
 * @param previousWebhookSecret the rotated secret while it still signs; null otherwise
 */
public record SendTarget(UUID id, String channelType, String emailAddress, String webhookUrl, String webhookSecret,
        String previousWebhookSecret) {

    /** What the rate limit counts alerts for: the webhook URL, or the email address in any case. */
    public String rateLimitKey() {
        return Subscription.WEBHOOK.equals(channelType) ? "webhook " + webhookUrl
                : "email " + emailAddress.toLowerCase(Locale.ROOT);
    }

    static SendTarget of(Object[] row, Instant now) {
        String previous = (String) row[5];
        Object until = row[6];
        return new SendTarget(UUID.fromString((String) row[0]), (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], Subscription.honoured(previous,
                        until == null ? null : Instant.ofEpochMilli(((Number) until).longValue()), now));
    }
}
