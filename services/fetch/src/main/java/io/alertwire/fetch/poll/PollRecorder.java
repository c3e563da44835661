package io.alertwire.fetch.poll;

import io.alertwire.events.ArticleEvent;
import io.alertwire.fetch.article.ArticleRepository;
import io.alertwire.fetch.article.CanonicalUrl;
import io.alertwire.fetch.source.FetchSuccess;
import io.alertwire.fetch.source.QuietFetch;
import io.alertwire.fetch.source.Source;
import io.alertwire.fetch.source.SourceRepository;
import io.alertwire.fetch.source.SourceSchedule;
import io.alertwire.fetch.websub.WebSubService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Writes the outcome of a fetch, one transaction per source, so one source never spoils another;
 * except fetches that brought nothing new (304s above all), by far the most common outcome, which
 * {@link QuietFetchBatches} gathers into one transaction for many sources (falling back to one per
 * source if that fails).
 */
@ApplicationScoped
@Transactional
public class PollRecorder {

    private static final Logger LOG = Logger.getLogger(PollRecorder.class);

    private final SourceRepository sources;
    private final ArticleRepository articles;
    private final AdaptiveInterval intervals;
    private final WebSubService webSub;

    public PollRecorder(SourceRepository sources, ArticleRepository articles, AdaptiveInterval intervals,
            WebSubService webSub) {
        this.sources = sources;
        this.articles = articles;
        this.intervals = intervals;
        this.webSub = webSub;
    }

    /** The articles of a fetched feed that no source has brought yet. */
    public List<ArticleEvent> unseen(List<ArticleEvent> found) {
        Set<String> unseen = articles.unseen(found.stream().map(ArticleEvent::articleId).toList());
        return found.stream().filter(article -> unseen.contains(article.articleId())).toList();
    }

    /**
     * Saves the feed's new articles to the outbox and the source's success in one transaction: the
     * validators (ETag, Last-Modified, the body's digest) that let the next fetch skip these items
     * are stored only together with them.
     *
     * @return how many articles were new
     */
    public int recordFeed(long sourceId, int status, String kind, QuietFetch.Validators validators,
            List<ArticleEvent> found, Instant now, Instant notBefore, URI movedTo) {
        Source source = sources.findById(sourceId);
        if (source == null) {
            return 0; // deleted while it was being fetched
        }
        int inserted = articles.insertIfAbsent(sourceId, found);
        follow(source, movedTo);
        succeed(source, status, now, notBefore, inserted);
        if (kind != null) {
            source.setKind(kind);
        }
        source.setValidators(validators);
        return inserted;
    }

    /** A 304 after permanent redirects: the source's URL may change, so it is recorded on its own. */
    public void recordNotModified(long sourceId, int status, Instant now, Instant notBefore, URI movedTo) {
        Source source = sources.findById(sourceId);
        if (source != null) {
            follow(source, movedTo);
            succeed(source, status, now, notBefore, 0);
        }
    }

    /**
     * Records fetches that brought nothing new (304s, and feeds whose entries were all known; none
     * through a permanent redirect) in three statements whatever their number: their schedules are
     * read (and locked) together, their WebSub subscriptions looked up together, and everything
     * written by one update. Each follows the same rules as a fetch recorded on its own
     * ({@link #recordFeed} with no new article). Sources deleted in the meantime are skipped.
     */
    public void recordQuietFetches(List<Quiet> fetches) {
        Map<Long, SourceSchedule> schedules = sources.lockSchedules(fetches.stream().map(Quiet::sourceId).toList());
        Map<Long, Instant> fetchedAt = new HashMap<>();
        fetches.forEach(fetch -> fetchedAt.put(fetch.sourceId(), fetch.fetchedAt()));
        Map<Long, Instant> pushed = webSub.pollNotBefore(fetchedAt);
        List<QuietFetch> rows = new ArrayList<>(fetches.size());
        for (Quiet fetch : fetches) {
            SourceSchedule schedule = schedules.get(fetch.sourceId());
            if (schedule != null) {
                rows.add(new QuietFetch(success(schedule, fetch.status(), fetch.fetchedAt(), fetch.notBefore(),
                        pushed.get(fetch.sourceId()), 0), fetch.kind(), fetch.validators()));
            }
        }
        sources.recordQuietFetches(rows);
    }

    /**
     * A fetch that brought nothing new, waiting to be recorded.
     *
     * @param notBefore the earliest next fetch the server or feed asked for (Cache-Control, Expires, RSS ttl), or null
     * @param kind the feed's kind if the fetch parsed one, else null (a 304)
     * @param validators the response's validators if it carried a feed, else null (a 304)
     */
    public record Quiet(long sourceId, int status, Instant fetchedAt, Instant notBefore, String kind,
            QuietFetch.Validators validators) {
    }

    /**
     * Saves the new articles a hub pushed to the outbox, like those of a fetched feed; the source's
     * fetch state and schedule stay as they are.
     *
     * @return how many articles were new
     */
    public int recordPush(long sourceId, List<ArticleEvent> found) {
        return sources.findByIdOptional(sourceId).map(source -> articles.insertIfAbsent(sourceId, found)).orElse(0);
    }

    /**
     * Adapts the interval to what the fetch found and schedules the next fetch after it, with jitter;
     * later if the server or feed asked for it, or if a hub pushes the source's news (then polling is
     * only a safety net).
     */
    private void succeed(Source source, int status, Instant now, Instant notBefore, int newArticles) {
        Instant pushed = webSub.pollNotBefore(source.getId(), now);
        source.recordSuccess(success(source.schedule(), status, now, notBefore, pushed, newArticles));
    }

    /**
     * @param notBefore the earliest next fetch the server or feed asked for, or null
     * @param pushed the earliest next poll because a hub pushes the source's news, or null
     */
    private FetchSuccess success(SourceSchedule schedule, int status, Instant now, Instant notBefore, Instant pushed,
            int newArticles) {
        Duration elapsed = schedule.lastFetchedAt() == null ? null : Duration.between(schedule.lastFetchedAt(), now);
        Duration interval = intervals.next(schedule.currentInterval(), schedule.pollInterval(), elapsed, newArticles);
        Instant earliest = notBefore == null || (pushed != null && pushed.isAfter(notBefore)) ? pushed : notBefore;
        return Source.success(schedule.id(), status, now, interval, intervals.jittered(interval), earliest);
    }

    /**
     * Stores the address permanent redirects led to, unless another source already has it (then
     * both keep working and an operator can delete one).
     */
    private void follow(Source source, URI movedTo) {
        if (movedTo == null || movedTo.toString().length() > 2048) {
            return;
        }
        String url = movedTo.toString();
        Optional<String> canonical = CanonicalUrl.of(url);
        if (canonical.isEmpty() || canonical.get().equals(source.getCanonicalUrl())) {
            return;
        }
        if (sources.findByCanonicalUrl(canonical.get()).isPresent()) {
            LOG.infof("Source moved permanently to a URL another source has; kept: sourceId=%d url=%s",
                    source.getId(), url);
            return;
        }
        LOG.infof("Source moved permanently: sourceId=%d from=%s to=%s", source.getId(), source.getUrl(), url);
        source.followPermanentRedirect(url, canonical.get());
    }

    /** @return the source's consecutive failures, now including this one */
    public int recordFailure(long sourceId, Integer status, String reason, Instant now, Instant retryAfter) {
        Source source = sources.findById(sourceId);
        if (source == null) {
            return 0;
        }
        source.recordFailure(status, reason, now, retryAfter);
        return source.getConsecutiveFailures();
    }
}
