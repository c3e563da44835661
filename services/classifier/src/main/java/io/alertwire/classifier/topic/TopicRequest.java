package io.alertwire.classifier.topic;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/topics} and {@code PUT /api/topics/{id}}.
 *
 * @param name display name; the id is derived from it on creation
 * @param query the stored query, in the topic query language
 * @param description free text for humans
 * @param languages ISO 639-1 codes the topic is limited to; absent or empty means all
 * @param minScore matches scoring below this (0..1) are dropped; default 0
 * @param enabled whether the topic is matched; default true
 */
public record TopicRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String name,
        @NotBlank @Size(max = 4000) String query,
        @Size(max = 2000) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String description,
        @Size(max = 50) List<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en or ko") String> languages,
        @DecimalMin("0") @DecimalMax("1") Double minScore,
        Boolean enabled) {

    /** PostgreSQL text cannot hold NUL characters: refuse them with a 400 rather than fail with a 500. */
    static final String NO_NUL = "[^\\x00]*";
    static final String NO_NUL_MESSAGE = "must not contain NUL characters";
}
