package io.alertwire.fetch.article;

import io.alertwire.events.ArticleEvent;
import io.alertwire.events.EventJson;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, String> {

    /** An unsent outbox row: the record key and the event JSON. */
    public record Pending(String articleId, String payload) {
    }

    /**
     * The ids among {@code articleIds} that no source has brought yet: a feed mostly repeats what
     * it served last time, and only new articles are worth the work of language detection.
     */
    public Set<String> unseen(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return Set.of();
        }
        Set<String> unseen = new HashSet<>(articleIds);
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT article_id FROM article WHERE article_id = ANY (?)")) {
                // bpchar, the column's type: compared with a text[] the column is cast, and the primary
                // key cannot be used; every feed that answers 200 would scan the whole article table
                statement.setArray(1, connection.createArrayOf("bpchar", articleIds.toArray()));
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        unseen.remove(rows.getString(1));
                    }
                }
            }
        });
        return unseen;
    }

    /**
     * Inserts the articles not seen before, by any source, and leaves the others untouched; call it in
     * the transaction that records the source's fetch, so articles and source state commit together.
     *
     * @return how many were new
     */
    public int insertIfAbsent(long sourceId, List<ArticleEvent> articles) {
        if (articles.isEmpty()) {
            return 0;
        }
        String sql = """
                INSERT INTO article (article_id, source_id, url, canonical_url, title, published_at, fetched_at, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (article_id) DO NOTHING
                """;
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int inserted = 0;
                for (ArticleEvent article : articles) {
                    statement.setString(1, article.articleId());
                    statement.setLong(2, sourceId);
                    statement.setString(3, article.url());
                    statement.setString(4, article.canonicalUrl());
                    statement.setString(5, article.title());
                    setInstant(statement, 6, article.publishedAt());
                    setInstant(statement, 7, article.fetchedAt());
                    statement.setString(8, EventJson.write(article));
                    inserted += statement.executeUpdate();
                }
                return inserted;
            }
        });
    }

    /**
     * Locks up to {@code limit} unsent rows, oldest first, skipping rows another relay holds; the
     * locks last until the calling transaction ends.
     */
    public List<Pending> lockUnsent(int limit) {
        String sql = """
                SELECT article_id, payload FROM article
                WHERE sent_at IS NULL
                ORDER BY fetched_at, article_id
                LIMIT ?
                FOR UPDATE SKIP LOCKED
                """;
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setInt(1, limit);
                List<Pending> pending = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        pending.add(new Pending(rows.getString(1), rows.getString(2)));
                    }
                }
                return pending;
            }
        });
    }

    /** Stamps rows the broker acknowledged. */
    public void markSent(List<String> articleIds, Instant sentAt) {
        if (articleIds.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE article SET sent_at = ? WHERE article_id = ANY (?)")) {
                setInstant(statement, 1, sentAt);
                statement.setArray(2, connection.createArrayOf("bpchar", articleIds.toArray()));
                statement.executeUpdate();
            }
        });
    }

    /** Newest first, optionally only since an instant and of one source. */
    public List<Article> recent(Instant since, Long sourceId, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (since != null) {
            query.append(" and fetchedAt >= :since");
            parameters.and("since", since);
        }
        if (sourceId != null) {
            query.append(" and sourceId = :sourceId");
            parameters.and("sourceId", sourceId);
        }
        return find(query.toString(), Sort.descending("fetchedAt").and("articleId"), parameters)
                .page(0, limit).list();
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws java.sql.SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }
}
