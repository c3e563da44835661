package io.alertwire.notifier.webhook;

import io.alertwire.notifier.delivery.AlertStory;
import io.alertwire.notifier.delivery.AlertTopic;
import io.alertwire.notifier.delivery.DigestTask;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The JSON body of a digest webhook.
 *
 * @param type always {@code digest.created}
 * @param id the digest id, also the {@code webhook-id} header: stable across retries
 * @param timestamp the digest time the stories waited for (stable across retries)
 * @param mode {@code hourly} or {@code daily}
 * @param stories each story with the subscription's topics it matched, as in an alert
 */
public record DigestPayload(
        String type,
        UUID id,
        Instant timestamp,
        UUID subscriptionId,
        String mode,
        List<Entry> stories) {

    public static final String DIGEST_CREATED = "digest.created";

    /** One story of the digest; {@code deliveryId} names it in the delivery log. */
    public record Entry(UUID deliveryId, List<AlertTopic> topics, AlertStory story) {
    }

    static DigestPayload of(DigestTask digest) {
        return new DigestPayload(DIGEST_CREATED, digest.digestId(), digest.digestAt(), digest.subscriptionId(),
                digest.mode(), digest.entries().stream()
                        .map(e -> new Entry(e.deliveryId(), e.topics(), e.story())).toList());
    }
}
