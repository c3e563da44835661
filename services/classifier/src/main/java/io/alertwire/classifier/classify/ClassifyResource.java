package io.alertwire.classifier.classify;

import io.alertwire.classifier.matching.ArticleText;
import io.alertwire.classifier.matching.MatchingConfig;
import io.alertwire.classifier.matching.TopicMatcher;
import io.alertwire.classifier.problem.ProblemException;
import io.alertwire.events.ArticleEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Dry run of matching: which topics would this article match, without publishing anything. */
@Path("/api/classify")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClassifyResource {

    private final TopicMatcher matcher;
    private final MatchingConfig config;

    public ClassifyResource(TopicMatcher matcher, MatchingConfig config) {
        this.matcher = matcher;
        this.config = config;
    }

    @POST
    @Blocking
    public ClassifyResponse classify(@Valid @NotNull ClassifyRequest request) throws InterruptedException {
        if (isBlank(request.title()) && isBlank(request.text())) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Give a title or a text to classify");
        }
        if (!matcher.awaitLoaded(config.startupWait())) {
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "Topics are still loading; retry shortly");
        }
        String text = request.text();
        if (text != null && text.length() > ArticleEvent.MAX_CONTENT_CHARS) {
            text = text.substring(0, ArticleEvent.MAX_CONTENT_CHARS);
        }
        var matches = matcher.match(new ArticleText(request.title(), text, request.language(), request.url(), null))
                .stream()
                .map(m -> new ClassifyResponse.Match(m.topicId(), m.topicName(), m.score(), m.highlights()))
                .toList();
        return new ClassifyResponse(request.language(), matches);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
