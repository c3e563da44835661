package io.alertwire.classifier.matching;

import java.util.List;

/**
 * What matching needs to know of a topic.
 *
 * @param id the topic id, also the Monitor query id
 * @param name display name, copied into matches
 * @param query the query text
 * @param languages ISO 639-1 codes the topic is limited to; empty means all
 * @param minScore matches scoring below this are dropped
 * @param version changes whenever the topic does, so an unchanged topic is not registered again
 */
public record TopicDefinition(String id, String name, String query, List<String> languages, double minScore,
        String version) {

    public TopicDefinition {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    boolean acceptsLanguage(String language) {
        return language == null || languages.isEmpty() || languages.contains(language);
    }
}
