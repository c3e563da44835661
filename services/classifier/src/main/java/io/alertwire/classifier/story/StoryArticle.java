package io.alertwire.classifier.story;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One article and the story it belongs to (table {@code story_article}). */
@Entity
@Table(name = "story_article")
public class StoryArticle {

    @Id
    @Column(name = "article_id")
    public String articleId;

    @Column(name = "story_id", nullable = false)
    public String storyId;

    /** Arrival order, assigned by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String url;

    @Column(name = "source_name")
    public String sourceName;

    public String title;

    public String language;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;

    @Column(nullable = false)
    public int shingles;

    @Column(nullable = false)
    public byte[] signature;

    /** Similarity to the article this one joined the story through; {@code null} for a story's first. */
    public Float similarity;

    @Column(name = "recorded_at", insertable = false, updatable = false)
    public Instant recordedAt;
}
