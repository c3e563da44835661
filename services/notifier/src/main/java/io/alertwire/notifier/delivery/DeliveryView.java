package io.alertwire.notifier.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a subscription's delivery log.
 *
 * @param nextAttemptAt when the next try is due, while the delivery is pending
 * @param failureReason why it failed without a further attempt (its subscription was disabled)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(
        UUID id,
        String storyId,
        String title,
        List<AlertTopic> topics,
        String status,
        List<Attempt> attempts,
        Instant createdAt,
        Instant sentAt,
        Instant nextAttemptAt,
        String failureReason) {

    /** One try: when, the receiver's HTTP status (webhooks), the error, how long it took. */
    public record Attempt(Instant at, Integer statusCode, String error, long durationMs) {
    }
}
