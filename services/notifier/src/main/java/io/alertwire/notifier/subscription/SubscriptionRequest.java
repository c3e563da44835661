package io.alertwire.notifier.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/subscriptions}. Rules that span fields (an email channel needs an
 * address, a webhook one a URL; the time zone must exist) are checked by {@link SubscriptionService}.
 *
 * @param topics topic ids or names; each is reduced to its {@link TopicSlug}
 * @param channel where alerts go
 * @param mode {@code instant}, {@code hourly} or {@code daily}
 * @param digestAt local time of a digest, {@code HH:mm}: a daily one's time (default 08:00), an
 *     hourly one's minute past each hour (default on the hour)
 * @param timezone IANA zone of {@code digestAt}, e.g. {@code Asia/Seoul}; default UTC
 * @param minScore only matches at least this relevant (0..1) are alerted; default 0
 * @param languages ISO 639-1 codes; empty means every language
 * @param contactEmail whom to tell by mail when the notifier disables the subscription (its
 *     endpoint kept failing, or is gone); without it the operator's address is told
 */
public record SubscriptionRequest(
        @NotEmpty(message = "name at least one topic") List<@NotBlank @Size(max = 200) String> topics,
        @NotNull @Valid Channel channel,
        @NotNull @Pattern(regexp = "instant|hourly|daily", message = "must be one of instant, hourly, daily") String mode,
        @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a time of day as HH:mm") String digestAt,
        @Size(max = 64) String timezone,
        @DecimalMin("0") @DecimalMax("1") Double minScore,
        List<@NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be a 2-letter ISO 639-1 code") String> languages,
        @Email @Size(max = 254) String contactEmail) {

    /**
     * Where alerts are sent.
     *
     * @param type {@code email} or {@code webhook}
     * @param address the email address, for {@code email}
     * @param url the absolute http(s) URL to POST to, for {@code webhook}
     */
    public record Channel(
            @NotNull @Pattern(regexp = "email|webhook", message = "must be email or webhook") String type,
            @Email @Size(max = 254) String address,
            @Size(max = 2000) String url) {
    }
}
