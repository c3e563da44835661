package io.alertwire.notifier.delivery;

import io.alertwire.events.MatchEvent;
import java.time.Instant;
import java.util.List;

/**
 * The story an alert is about, as the first match described it; the {@code story} of a webhook.
 *
 * @param id the story id
 * @param score the match's relevance, 0..1
 * @param alsoReportedBy other articles of the same story
 */
public record AlertStory(
        String id,
        String title,
        String url,
        String sourceName,
        String language,
        Instant publishedAt,
        String snippet,
        double score,
        List<OtherReport> alsoReportedBy) {

    public AlertStory {
        alsoReportedBy = alsoReportedBy == null ? List.of() : List.copyOf(alsoReportedBy);
    }

    /** Another article of the same story. */
    public record OtherReport(String url, String sourceName, String title) {
    }

    public static AlertStory of(MatchEvent match) {
        return new AlertStory(match.storyId(), match.title(), match.url(), match.sourceName(), match.language(),
                match.publishedAt(), match.snippet(), match.score(),
                match.alsoReportedBy().stream().map(o -> new OtherReport(o.url(), o.sourceName(), o.title())).toList());
    }
}
