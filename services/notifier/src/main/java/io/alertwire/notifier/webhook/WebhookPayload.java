package io.alertwire.notifier.webhook;

import io.alertwire.notifier.delivery.AlertStory;
import io.alertwire.notifier.delivery.AlertTopic;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The JSON body of an alert webhook.
 *
 * @param type always {@code alert.created}
 * @param id the delivery id, also the {@code webhook-id} header: stable across retries
 * @param timestamp when the alert was created (stable across retries, unlike the header)
 */
public record WebhookPayload(
        String type,
        UUID id,
        Instant timestamp,
        UUID subscriptionId,
        List<AlertTopic> topics,
        AlertStory story) {

    public static final String ALERT_CREATED = "alert.created";
}
