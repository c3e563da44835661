package io.alertwire.notifier.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as the API shows it.
 *
 * @param statusReason why the notifier or the recipient changed the status (disabled, unsubscribed)
 * @param secret the webhook signing secret: only in the answer to the creation, never again
 * @param contactEmail whom the notifier tells when it disables the subscription
 * @param failingSince since when every attempt to the endpoint has failed; absent while it works
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionResponse(
        UUID id,
        List<String> topics,
        Channel channel,
        String mode,
        String digestAt,
        String timezone,
        double minScore,
        List<String> languages,
        String status,
        String statusReason,
        Instant createdAt,
        String secret,
        String contactEmail,
        Instant failingSince) {

    /** The channel, without its secret. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Channel(String type, String address, String url) {
    }

    static SubscriptionResponse of(Subscription s) {
        return withSecret(s, null);
    }

    static SubscriptionResponse withSecret(Subscription s, String secret) {
        return new SubscriptionResponse(s.getId(), s.getTopics(),
                new Channel(s.getChannelType(), s.getEmailAddress(), s.getWebhookUrl()),
                s.getMode(), s.getDigestAt() == null ? null : s.getDigestAt().toString(), s.getTimezone(),
                s.getMinScore(), s.getLanguages(), s.getStatus(), s.getStatusReason(), s.getCreatedAt(), secret,
                s.getContactEmail(), s.getFailingSince());
    }
}
