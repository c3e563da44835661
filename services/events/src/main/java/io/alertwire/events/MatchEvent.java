package io.alertwire.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * An article that matched a topic, as published by the classifier on {@link EventTopics#MATCHES}.
 *
 * @param matchId unique and stable for one (article, topic): a re-published match has the same id
 * @param articleId the matching article
 * @param storyId the story the article belongs to; the record key
 * @param topicId the matched topic's id
 * @param topicName the matched topic's display name
 * @param score relevance in 0..1
 * @param highlights the words of the article that the query matched
 * @param title the article's headline
 * @param url the article's link
 * @param sourceName the name of the article's source
 * @param language ISO 639-1 code, or {@code null}
 * @param publishedAt when the article was published, or {@code null}
 * @param snippet a short excerpt of the article around the matched words
 * @param duplicates how many other articles are already in the same story
 * @param alsoReportedBy up to {@link #MAX_ALSO_REPORTED_BY} of those other articles
 */
public record MatchEvent(
        @NotBlank String matchId,
        @NotBlank String articleId,
        @NotBlank String storyId,
        @NotBlank String topicId,
        @NotBlank String topicName,
        @DecimalMin("0") @DecimalMax("1") double score,
        List<String> highlights,
        String title,
        @NotBlank String url,
        String sourceName,
        String language,
        Instant publishedAt,
        String snippet,
        @PositiveOrZero int duplicates,
        @Size(max = MAX_ALSO_REPORTED_BY) List<@Valid AlsoReportedBy> alsoReportedBy) {

    public static final int MAX_ALSO_REPORTED_BY = 20;

    public MatchEvent {
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
        alsoReportedBy = alsoReportedBy == null ? List.of() : List.copyOf(alsoReportedBy);
    }

    /** Another article of the same story. */
    public record AlsoReportedBy(@NotBlank String url, String sourceName, String title) {
    }
}
