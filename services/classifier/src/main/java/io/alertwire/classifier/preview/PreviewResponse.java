package io.alertwire.classifier.preview;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code POST /api/topics/preview}: what the query would have matched.
 *
 * @param since the start of the searched period
 * @param searched how many articles of the period the index holds
 * @param matches the matching articles, newest first, at most the request's limit
 */
public record PreviewResponse(Instant since, long searched, List<Match> matches) {

    /**
     * One matching article, scored and highlighted as live matching would.
     *
     * @param score relevance in 0..1, as a topic's match would carry
     * @param highlights the words of the article the query matched
     * @param snippet a short excerpt around them
     */
    public record Match(String articleId, String title, String url, String sourceName, String language,
            Instant publishedAt, Instant fetchedAt, double score, List<String> highlights, String snippet) {
    }
}
