package io.alertwire.classifier.story;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/stories/{storyId}}.
 *
 * @param storyId the story's id (the articleId of its first article)
 * @param size how many articles the story has
 * @param articles its articles in arrival order, the first being the story's start (at most 500)
 */
public record StoryResponse(String storyId, long size, List<Article> articles) {

    /**
     * One article of the story.
     *
     * @param similarity how alike it is to the article it joined the story through (0..1); absent for the first
     */
    public record Article(String articleId, String url, String sourceName, String title, String language,
            Instant publishedAt, Instant fetchedAt, Float similarity) {
    }

    static StoryResponse of(String storyId, long size, List<StoryArticle> rows) {
        return new StoryResponse(storyId, size, rows.stream().map(a -> new Article(a.articleId, a.url, a.sourceName,
                a.title, a.language, a.publishedAt, a.fetchedAt, a.similarity)).toList());
    }
}
