package io.alertwire.classifier.preview;

import io.alertwire.classifier.article.ArticlesConfig;
import io.alertwire.classifier.article.Snippets;
import io.alertwire.classifier.matching.MatchingConfig;
import io.alertwire.classifier.matching.TopicDefinition;
import io.alertwire.classifier.matching.TopicMatch;
import io.alertwire.classifier.matching.TopicMatcher;
import io.alertwire.classifier.problem.ProblemException;
import io.alertwire.classifier.query.QuerySyntaxException;
import io.alertwire.classifier.topic.QueryProblems;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.Query;

/**
 * Runs a query over the recent articles as if it were a topic: the index finds the candidates with
 * the compiled query, and each one, newest first, goes through a matcher that holds only this
 * query, so its score and highlights are exactly those a topic's match would carry.
 */
@ApplicationScoped
public class PreviewService {

    private static final String PREVIEW_ID = "preview";
    /** Candidates looked at per requested match: the language filter may drop some. */
    private static final int CANDIDATES_PER_MATCH = 5;

    private final PreviewIndex index;
    private final PreviewConfig config;
    private final ArticlesConfig articles;
    private final TopicMatcher live;
    /** One Monitor for all previews (each holds one query at a time), so they run one after another. */
    private final TopicMatcher matcher;

    public PreviewService(PreviewIndex index, PreviewConfig config, ArticlesConfig articles, TopicMatcher live,
            MatchingConfig matching) {
        this.index = index;
        this.config = config;
        this.articles = articles;
        this.live = live;
        this.matcher = new TopicMatcher(matching);
    }

    public PreviewResponse preview(PreviewRequest request) {
        Query query;
        try {
            query = live.compiler().compile(request.query());
        } catch (QuerySyntaxException e) {
            throw QueryProblems.syntaxError(request.query(), e);
        }
        Instant start = Instant.now().minus(config.window());
        Instant since = request.since() == null ? start : request.since();
        if (since.isBefore(start)) {
            throw ProblemException.invalidField("since",
                    "must be within the preview window of " + config.window() + " (not before " + start + ")");
        }
        int limit = request.limit() == null ? config.defaultLimit() : request.limit();
        List<PreviewIndex.Stored> candidates = index.search(query, since, limit * CANDIDATES_PER_MATCH);
        List<PreviewResponse.Match> matches = new ArrayList<>();
        synchronized (matcher) {
            matcher.replaceAll(List.of(new TopicDefinition(PREVIEW_ID, "Preview", request.query(),
                    request.languages(), 0, request.query())));
            for (PreviewIndex.Stored candidate : candidates) {
                Optional<TopicMatch> match = matcher.match(candidate.text()).stream().findFirst();
                match.ifPresent(m -> matches.add(new PreviewResponse.Match(candidate.articleId(), candidate.title(),
                        candidate.url(), candidate.sourceName(), candidate.language(), candidate.publishedAt(),
                        candidate.fetchedAt(), m.score(), m.highlights(),
                        Snippets.around(candidate.body() == null || candidate.body().isBlank()
                                ? nullToEmpty(candidate.title()) : candidate.body(), m.highlights(),
                                articles.snippetLength()))));
                if (matches.size() >= limit) {
                    break;
                }
            }
        }
        return new PreviewResponse(since, index.count(since), matches);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
