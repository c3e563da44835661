package io.alertwire.classifier.story;

import io.alertwire.classifier.problem.ProblemException;
import io.alertwire.events.ArticleEvent;
import io.alertwire.events.MatchEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Puts every article into a story, shared by all replicas through the database. */
@ApplicationScoped
public class StoryService {

    /** Fewer shingles than this (a headline of a few words) say too little to join a story. */
    static final int MIN_SHINGLES = 3;
    /** The most articles {@code GET /api/stories/{id}} lists. */
    static final int MAX_LISTED = 500;

    private static final Logger LOG = Logger.getLogger(StoryService.class);

    private final StoryRepository repository;
    private final StoriesConfig config;

    public StoryService(StoryRepository repository, StoriesConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /**
     * The story of an article, joining the most similar earlier article's story or starting one.
     * Idempotent: an article seen before gets the story, and the count of earlier articles, it got
     * the first time.
     *
     * @param body the summary and content the article is matched on
     */
    @Transactional
    public StoryAssignment assign(ArticleEvent article, String body) {
        Optional<StoryArticle> known = repository.findByIdOptional(article.articleId());
        if (known.isPresent()) {
            return assignmentOf(known.get());
        }
        long[] shingles = Shingles.of(article.title(), body);
        MinHash signature = MinHash.of(shingles);
        long[] bands = shingles.length >= MIN_SHINGLES
                ? Arrays.stream(signature.bandKeys()).distinct().sorted().toArray()
                : new long[0];
        StoryArticle joined = null;
        double joinedSimilarity = 0;
        if (bands.length > 0) {
            // copies being classified at the same moment by other replicas share at least one band with
            // this article, so they wait here for each other and the later one sees the earlier one
            repository.lock(bands);
            known = repository.findByIdOptional(article.articleId());
            if (known.isPresent()) {
                return assignmentOf(known.get());
            }
            Instant at = article.fetchedAt();
            for (StoryArticle candidate : repository.candidates(bands, at.minus(config.window()),
                    at.plus(config.window()))) {
                double similarity = similarity(signature, MinHash.fromBytes(candidate.signature, candidate.shingles));
                if (similarity < 0) {
                    continue;
                }
                // deterministic: the most similar; among equals, the one that arrived first
                if (joined == null || similarity > joinedSimilarity
                        || similarity == joinedSimilarity && candidate.seq < joined.seq) {
                    joined = candidate;
                    joinedSimilarity = similarity;
                }
            }
        }
        StoryArticle row = new StoryArticle();
        row.articleId = article.articleId();
        row.storyId = joined == null ? article.articleId() : joined.storyId;
        row.url = article.url();
        row.sourceName = article.sourceName();
        row.title = article.title();
        row.language = article.language();
        row.publishedAt = article.publishedAt();
        row.fetchedAt = article.fetchedAt();
        row.shingles = shingles.length;
        row.signature = signature.toBytes();
        row.similarity = joined == null ? null : (float) joinedSimilarity;
        repository.persist(row);
        repository.flush();
        if (bands.length > 0) {
            repository.insertBands(row.articleId, bands);
        }
        repository.getEntityManager().refresh(row);
        StoryAssignment assignment = assignmentOf(row);
        if (joined != null) {
            LOG.debugf("Article %s joined story %s (similarity %.2f, %d earlier articles)", row.articleId,
                    row.storyId, joinedSimilarity, assignment.duplicates());
        }
        return assignment;
    }

    /**
     * How alike two articles are, or -1 when they are not one story: the larger of estimated
     * Jaccard similarity and overlap of the smaller, each counted only above its threshold.
     */
    double similarity(MinHash a, MinHash b) {
        double jaccard = a.jaccard(b);
        double overlap = Math.min(a.shingles(), b.shingles()) >= config.minOverlapShingles() ? a.overlap(b) : 0;
        if (jaccard >= config.minJaccard() || overlap >= config.minOverlap()) {
            return Math.max(jaccard, overlap);
        }
        return -1;
    }

    /** The articles of one story in arrival order; 404 when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StoryResponse get(String storyId) {
        List<StoryArticle> articles = repository.listStory(storyId, MAX_LISTED);
        if (articles.isEmpty()) {
            throw new ProblemException(Response.Status.NOT_FOUND, "No story with id '" + storyId + "'");
        }
        return StoryResponse.of(storyId, repository.countStory(storyId), articles);
    }

    private StoryAssignment assignmentOf(StoryArticle row) {
        long before = repository.countBefore(row.storyId, row.seq);
        List<MatchEvent.AlsoReportedBy> others = repository
                .listBefore(row.storyId, row.seq, MatchEvent.MAX_ALSO_REPORTED_BY).stream()
                .map(other -> new MatchEvent.AlsoReportedBy(other.url, other.sourceName, other.title))
                .toList();
        return new StoryAssignment(row.storyId, (int) Math.min(Integer.MAX_VALUE, before), others);
    }
}
