package io.alertwire.classifier.preview;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/topics/preview}.
 *
 * @param query a topic query, in the topic query language (at most 4000 characters, as for topics)
 * @param languages ISO 639-1 codes to limit matches to, as a topic's; absent or empty means all
 * @param since only articles fetched at or after this instant; within the preview window; default its start
 * @param limit most matches returned, 1..100; default 20
 */
public record PreviewRequest(
        @NotBlank @Size(max = 4000) String query,
        @Size(max = 50) List<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en or ko") String> languages,
        Instant since,
        @Min(1) @Max(MAX_LIMIT) Integer limit) {

    public static final int MAX_LIMIT = 100;
}
