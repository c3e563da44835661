package io.alertwire.fetch.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An article the service has seen, and its outbox entry. Rows are written with
 * {@link ArticleRepository#insertIfAbsent} and stamped by the relay; Hibernate only reads them.
 */
@Entity
@Table(name = "article")
public class Article {

    @Id
    @Column(name = "article_id", length = 64, columnDefinition = "bpchar(64)")
    private String articleId;

    @Column(name = "source_id")
    private Long sourceId;

    @Column(nullable = false, length = 4096)
    private String url;

    @Column(name = "canonical_url", nullable = false, length = 4096)
    private String canonicalUrl;

    @Column(columnDefinition = "text")
    private String title;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "fetched_at", nullable = false)
    private Instant fetchedAt;

    @Column(nullable = false, columnDefinition = "text")
    private String payload;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected Article() {
        // for Hibernate
    }

    public String getArticleId() {
        return articleId;
    }

    public Long getSourceId() {
        return sourceId;
    }

    public String getUrl() {
        return url;
    }

    public String getCanonicalUrl() {
        return canonicalUrl;
    }

    public String getTitle() {
        return title;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getFetchedAt() {
        return fetchedAt;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
