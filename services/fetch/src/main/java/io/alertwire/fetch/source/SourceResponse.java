package io.alertwire.fetch.source;

import java.time.Instant;

/**
 * A source as the API shows it. The id is a string so that clients never do arithmetic on it and
 * JavaScript never rounds it; the poll interval is an ISO-8601 duration.
 */
public record SourceResponse(
        String id,
        String url,
        String name,
        String kind,
        String pollInterval,
        boolean enabled,
        boolean fullText,
        Integer lastStatus,
        String lastError,
        int consecutiveFailures,
        Instant lastFetchedAt,
        Instant nextFetchAt,
        Instant createdAt) {

    static SourceResponse of(Source source) {
        return new SourceResponse(String.valueOf(source.getId()), source.getUrl(), source.getName(),
                source.getKind(), source.pollInterval().toString(), source.isEnabled(), source.isFullText(),
                source.getLastStatus(), source.getLastError(), source.getConsecutiveFailures(),
                source.getLastFetchedAt(), source.getNextFetchAt(), source.getCreatedAt());
    }
}
