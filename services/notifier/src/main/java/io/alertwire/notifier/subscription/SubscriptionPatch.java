package io.alertwire.notifier.subscription;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code PATCH /api/subscriptions/{id}} (JSON merge patch): a member that is absent
 * (or null) leaves its value as it is.
 *
 * @param status {@code paused} or {@code active}; a pending email subscription becomes active only
 *     through its confirmation link, an unsubscribed one never again
 * @param minScore the new score floor, 0..1
 * @param languages the new languages (ISO 639-1); empty means every language
 * @param topics the new topic ids or names; at least one
 * @param mode {@code instant}, {@code hourly} or {@code daily}; deliveries already waiting for a
 *     digest keep their digest time
 * @param digestAt the digest's local time, {@code HH:mm} (of an hourly one only the minutes count)
 * @param timezone the IANA zone of {@code digestAt}
 * @param contactEmail whom to tell when the notifier disables the subscription; an empty string removes it
 */
public record SubscriptionPatch(
        @Pattern(regexp = "paused|active", message = "must be paused or active") String status,
        @DecimalMin("0") @DecimalMax("1") Double minScore,
        List<@NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be a 2-letter ISO 639-1 code") String> languages,
        @Size(min = 1, message = "name at least one topic") List<@NotBlank @Size(max = 200) String> topics,
        @Pattern(regexp = "instant|hourly|daily", message = "must be one of instant, hourly, daily") String mode,
        @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a time of day as HH:mm") String digestAt,
        @Size(max = 64) String timezone,
        @Email @Size(max = 254) String contactEmail) {
}
