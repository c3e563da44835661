package io.alertwire.classifier.topic;

import java.time.Instant;
import java.util.List;

/** A topic as the API shows it. */
public record TopicResponse(String id, String name, String query, String description, List<String> languages,
        double minScore, boolean enabled, Instant createdAt, Instant updatedAt) {

    static TopicResponse of(Topic topic) {
        return new TopicResponse(topic.id, topic.name, topic.query, topic.description, List.copyOf(topic.languages),
                topic.minScore, topic.enabled, topic.createdAt, topic.updatedAt);
    }
}
