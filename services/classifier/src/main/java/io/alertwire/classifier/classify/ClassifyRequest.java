package io.alertwire.classifier.classify;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/classify}: an article to match against the topics, not published.
 *
 * @param title the headline
 * @param text the article text; cut to 64 KiB
 * @param url the article's link; its host is what {@code source:} filters match
 * @param language ISO 639-1 code, or absent when unknown (then every topic's languages fit)
 */
public record ClassifyRequest(
        @Size(max = 2000) String title,
        String text,
        @Size(max = 4000) String url,
        @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en or ko") String language) {
}
