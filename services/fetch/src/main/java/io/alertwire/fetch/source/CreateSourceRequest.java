package io.alertwire.fetch.source;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Body of {@code POST /api/sources}.
 *
 * @param url the feed's address: absolute http(s), no user info, at most 2048 characters
 * @param name display name; defaults to the URL's host
 * @param pollInterval ISO-8601 duration between fetches, 1 minute to 24 hours; defaults to
 *        {@code alertwire.fetch.default-poll-interval}
 * @param enabled whether to poll it; defaults to true
 * @param fullText whether to download each new article's page and publish its main text as the
 *        content, instead of what the feed carries; defaults to false
 */
public record CreateSourceRequest(
        @NotBlank @Size(max = 2048) @HttpUrl String url,
        @Size(max = 500) String name,
        @DurationMin(minutes = 1) @DurationMax(hours = 24) Duration pollInterval,
        Boolean enabled,
        Boolean fullText) {
}
