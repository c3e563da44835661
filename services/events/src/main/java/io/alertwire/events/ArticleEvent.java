package io.alertwire.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A new article, as published by the fetch service on {@link EventTopics#ARTICLES}.
 *
 * @param articleId hex SHA-256 of {@code canonicalUrl}; the record key
 * @param url the link as the feed gave it
 * @param canonicalUrl the link with tracking parameters, fragment and default port removed
 * @param sourceId the fetch service's id of the source the article came from
 * @param sourceName the source's display name
 * @param title the headline, may be empty
 * @param summary the feed's summary as plain text, may be empty
 * @param content the article as plain text, at most {@link #MAX_CONTENT_CHARS} characters
 * @param language ISO 639-1 code, or {@code null} when unknown
 * @param publishedAt when the source says it was published, or {@code null}
 * @param fetchedAt when the fetch service first saw it
 * @param authors author names, never {@code null}
 * @param categories categories or tags given by the feed, never {@code null}
 */
public record ArticleEvent(
        @NotBlank @Pattern(regexp = "[0-9a-f]{64}") String articleId,
        @NotBlank String url,
        @NotBlank String canonicalUrl,
        @NotBlank String sourceId,
        String sourceName,
        String title,
        String summary,
        @Size(max = MAX_CONTENT_CHARS) String content,
        @Pattern(regexp = "[a-z]{2}") String language,
        Instant publishedAt,
        @NotNull Instant fetchedAt,
        List<String> authors,
        List<String> categories) {

    /** Upper bound of {@link #content()}: 64 KiB of text. */
    public static final int MAX_CONTENT_CHARS = 64 * 1024;

    public ArticleEvent {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
