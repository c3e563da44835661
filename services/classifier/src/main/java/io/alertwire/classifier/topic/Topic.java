package io.alertwire.classifier.topic;

import io.alertwire.classifier.matching.TopicDefinition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A named stored query (table {@code topic}). */
@Entity
@Table(name = "topic")
public class Topic {

    @Id
    public String id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(nullable = false)
    public String query;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> languages = new ArrayList<>();

    @Column(name = "min_score", nullable = false)
    public double minScore;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** What the matcher needs; the version changes with every update. */
    public TopicDefinition definition() {
        return new TopicDefinition(id, name, query, languages, minScore, String.valueOf(updatedAt));
    }
}
