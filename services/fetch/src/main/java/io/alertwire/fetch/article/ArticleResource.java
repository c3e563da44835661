package io.alertwire.fetch.article;

import io.alertwire.fetch.problem.ProblemException;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Recent articles, for operators checking what the service found and whether it was published. */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    private final ArticleRepository articles;

    public ArticleResource(ArticleRepository articles) {
        this.articles = articles;
    }

    /**
     * @param since only articles fetched at or after this ISO-8601 instant
     * @param sourceId only articles first found by this source
     * @param limit at most this many, newest first
     */
    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticleView> recent(@QueryParam("since") String since, @QueryParam("sourceId") String sourceId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return articles.recent(parseSince(since), parseSourceId(sourceId), limit).stream()
                .map(ArticleView::of).toList();
    }

    private static Instant parseSince(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("since", "must be an ISO-8601 instant such as 2026-01-31T08:00:00Z");
        }
    }

    private static Long parseSourceId(String sourceId) {
        if (sourceId == null || sourceId.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(sourceId.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("sourceId", "must be a source id");
        }
    }
}
