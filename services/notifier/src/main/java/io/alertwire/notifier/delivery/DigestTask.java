package io.alertwire.notifier.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything a sender needs for one claimed digest, read in the claiming transaction so that the
 * send itself touches no database.
 *
 * @param digestId stable across the digest's retries: the {@code webhook-id} of a digest webhook
 * @param mode {@code hourly} or {@code daily}
 * @param timezone the subscriber's IANA zone, for the times the digest shows
 * @param digestAt the digest time the deliveries waited for (the earliest, should they differ)
 * @param entries one per story, oldest first
 * @param previousWebhookSecret the secret before the last rotation while it still signs too; null otherwise
 */
public record DigestTask(
        UUID digestId,
        UUID subscriptionId,
        String channelType,
        String emailAddress,
        String webhookUrl,
        String webhookSecret,
        String mode,
        String timezone,
        Instant digestAt,
        List<Entry> entries,
        String previousWebhookSecret) {

    public DigestTask {
        entries = List.copyOf(entries);
    }

    /** A digest whose subscription has no rotated secret still in its overlap. */
    public DigestTask(UUID digestId, UUID subscriptionId, String channelType, String emailAddress, String webhookUrl,
            String webhookSecret, String mode, String timezone, Instant digestAt, List<Entry> entries) {
        this(digestId, subscriptionId, channelType, emailAddress, webhookUrl, webhookSecret, mode, timezone, digestAt,
                entries, null);
    }

    /** The secrets a webhook is signed with: the current one, then the rotated one while it is honoured. */
    public List<String> webhookSecrets() {
        return previousWebhookSecret == null ? List.of(webhookSecret) : List.of(webhookSecret, previousWebhookSecret);
    }

    /** One story of the digest: its delivery, and the subscription's topics it matched. */
    public record Entry(UUID deliveryId, List<AlertTopic> topics, AlertStory story) {
    }

    public List<UUID> deliveryIds() {
        return entries.stream().map(Entry::deliveryId).toList();
    }
}
