package io.alertwire.fetch.source;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Body of {@code PATCH /api/sources/{id}}: only the fields present change (JSON merge patch style;
 * {@code null} or absent means "leave as is").
 *
 * @param url a new address, validated and duplicate-checked like a new source's; the source's
 *        validators and kind are forgotten and it is fetched at once
 * @param name a new display name
 * @param pollInterval a new ISO-8601 interval, 1 minute to 24 hours
 * @param enabled turn polling on (due at once) or off
 * @param fullText turn full-text extraction of new articles on or off
 */
public record UpdateSourceRequest(
        @Size(max = 2048) @HttpUrl String url,
        @Size(max = 500) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @DurationMin(minutes = 1) @DurationMax(hours = 24) Duration pollInterval,
        Boolean enabled,
        Boolean fullText) {
}
