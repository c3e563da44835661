package io.alertwire.classifier.matching;

import java.util.List;

/**
 * One topic that matched an article.
 *
 * @param topicId the topic's id
 * @param topicName the topic's display name
 * @param score relevance in 0..1
 * @param highlights the distinct article words (or phrases) the query matched, in text order
 */
public record TopicMatch(String topicId, String topicName, double score, List<String> highlights) {

    public TopicMatch {
        highlights = List.copyOf(highlights);
    }
}
