package io.alertwire.classifier.story;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

@ApplicationScoped
public class StoryRepository implements PanacheRepositoryBase<StoryArticle, String> {

    /**
     * Takes a transaction-scoped advisory lock on each key, in the order given (callers sort them,
     * so two transactions never wait on each other in a cycle).
     */
    public void lock(long[] sortedKeys) {
        getEntityManager()
                .createNativeQuery("SELECT count(*) FROM unnest(CAST(?1 AS bigint[])) AS k(key)"
                        + " CROSS JOIN LATERAL pg_advisory_xact_lock(k.key) AS l")
                .setParameter(1, arrayLiteral(sortedKeys))
                .getSingleResult();
    }

    /** Articles that share at least one band key and were fetched between {@code from} and {@code to}. */
    @SuppressWarnings("unchecked")
    public List<StoryArticle> candidates(long[] bandKeys, Instant from, Instant to) {
        return getEntityManager().createNativeQuery("SELECT a.* FROM story_article a"
                        + " WHERE a.article_id IN (SELECT b.article_id FROM story_band b"
                        + " WHERE b.band_key = ANY (CAST(?1 AS bigint[])))"
                        + " AND a.fetched_at BETWEEN ?2 AND ?3", StoryArticle.class)
                .setParameter(1, arrayLiteral(bandKeys))
                .setParameter(2, from)
                .setParameter(3, to)
                .getResultList();
    }

    public void insertBands(String articleId, long[] bandKeys) {
        getEntityManager().createNativeQuery("INSERT INTO story_band (band_key, article_id)"
                        + " SELECT k, ?2 FROM unnest(CAST(?1 AS bigint[])) AS k ON CONFLICT DO NOTHING")
                .setParameter(1, arrayLiteral(bandKeys))
                .setParameter(2, articleId)
                .executeUpdate();
    }

    /** How many articles joined the story before the one with {@code seq}. */
    public long countBefore(String storyId, long seq) {
        return count("storyId = ?1 and seq < ?2", storyId, seq);
    }

    /** The first {@code limit} articles that joined the story before the one with {@code seq}. */
    public List<StoryArticle> listBefore(String storyId, long seq, int limit) {
        return find("storyId = ?1 and seq < ?2", Sort.by("seq"), storyId, seq).page(Page.ofSize(limit)).list();
    }

    /** The articles of a story in arrival order, at most {@code limit}. */
    public List<StoryArticle> listStory(String storyId, int limit) {
        return find("storyId", Sort.by("seq"), storyId).page(Page.ofSize(limit)).list();
    }

    public long countStory(String storyId) {
        return count("storyId", storyId);
    }

    /** Forgets the bands of articles fetched before {@code before}: they are no story's candidates any more. */
    public int deleteBandsBefore(Instant before) {
        return getEntityManager().createNativeQuery("DELETE FROM story_band b USING story_article a"
                        + " WHERE a.article_id = b.article_id AND a.fetched_at < ?1")
                .setParameter(1, before).executeUpdate();
    }

    /** Forgets articles recorded before {@code before} (their bands go with them). */
    public long deleteRecordedBefore(Instant before) {
        return delete("recordedAt < ?1", before);
    }

    private static String arrayLiteral(long[] values) {
        return Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
