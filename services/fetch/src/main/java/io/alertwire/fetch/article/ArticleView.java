package io.alertwire.fetch.article;

import java.time.Instant;

/**
 * An article as operators see it in {@code GET /api/articles}.
 *
 * @param sentAt when the broker acknowledged it on alertwire.articles.v1; null while it waits
 */
public record ArticleView(
        String articleId,
        String sourceId,
        String url,
        String canonicalUrl,
        String title,
        Instant publishedAt,
        Instant fetchedAt,
        Instant sentAt) {

    static ArticleView of(Article article) {
        return new ArticleView(article.getArticleId(),
                article.getSourceId() == null ? null : String.valueOf(article.getSourceId()),
                article.getUrl(), article.getCanonicalUrl(), article.getTitle(), article.getPublishedAt(),
                article.getFetchedAt(), article.getSentAt());
    }
}
