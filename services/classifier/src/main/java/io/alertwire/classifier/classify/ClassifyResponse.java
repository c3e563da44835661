package io.alertwire.classifier.classify;

import java.util.List;

/**
 * The answer of {@code POST /api/classify}.
 *
 * @param language the language the article was matched as, or {@code null} when unknown
 * @param matches the matching topics, best score first
 */
public record ClassifyResponse(String language, List<Match> matches) {

    /** One matching topic. */
    public record Match(String topicId, String topicName, double score, List<String> highlights) {
    }
}
