package io.alertwire.notifier.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything a sender needs for one claimed delivery, read in the claiming transaction so that
 * the send itself touches no database.
 *
 * @param matchedAt when the match that created it was published; null for rows older than that column
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
        Instant matchedAt) {
}
