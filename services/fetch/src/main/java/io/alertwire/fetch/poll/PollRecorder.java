package io.alertwire.fetch.poll;

import io.alertwire.events.ArticleEvent;
import io.alertwire.fetch.article.ArticleRepository;
import io.alertwire.fetch.source.Source;
import io.alertwire.fetch.source.SourceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Writes the outcome of a fetch, one transaction per source, so one source never spoils another. */
@ApplicationScoped
@Transactional
public class PollRecorder {

    private final SourceRepository sources;
    private final ArticleRepository articles;

    public PollRecorder(SourceRepository sources, ArticleRepository articles) {
        this.sources = sources;
        this.articles = articles;
    }

    /**
     * Saves the feed's new articles to the outbox and the source's success in one transaction: the
     * ETag / Last-Modified that let the next fetch skip these items are stored only together with
     * them.
     *
     * @return how many articles were new
     */
    public int recordFeed(long sourceId, int status, String kind, String etag, String lastModified,
            List<ArticleEvent> found, Instant now) {
        Source source = sources.findById(sourceId);
        if (source == null) {
            return 0; // deleted while it was being fetched
        }
        int inserted = articles.insertIfAbsent(sourceId, found);
        source.recordSuccess(status, now);
        if (kind != null) {
            source.setKind(kind);
        }
        source.setValidators(etag, lastModified);
        return inserted;
    }

    public void recordNotModified(long sourceId, int status, Instant now) {
        Source source = sources.findById(sourceId);
        if (source != null) {
            source.recordSuccess(status, now);
        }
    }

    /** @return the source's consecutive failures, now including this one */
    public int recordFailure(long sourceId, Integer status, String reason, Instant now) {
        Source source = sources.findById(sourceId);
        if (source == null) {
            return 0;
        }
        source.recordFailure(status, reason, now);
        return source.getConsecutiveFailures();
    }
}
