package io.alertwire.notifier.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything a sender needs for one claimed delivery, read in the claiming transaction so that
 * the send itself touches no database.
 *
 * @param matchedAt when its article was fetched, or else its match published (the alert latency's start);
 *     null for rows older than that column
 * @param previousWebhookSecret the secret before the last rotation while it still signs too; null otherwise
 */
public record DeliveryTask(
        UUID deliveryId,
        UUID subscriptionId,
        String channelType,
        String emailAddress,
        String webhookUrl,
        String webhookSecret,
        List<AlertTopic> topics,
        AlertStory story,
        Instant createdAt,
        Instant matchedAt,
        String previousWebhookSecret) {

    /** The secrets a webhook is signed with: the current one, then the rotated one while it is honoured. */
    public List<String> webhookSecrets() {
        return previousWebhookSecret == null ? List.of(webhookSecret) : List.of(webhookSecret, previousWebhookSecret);
    }
}
