package io.alertwire.events;

/**
 * Kafka topic names and CloudEvents types of the Alertwire pipeline (PRODUCT.md §2).
 *
 * <p>Every consumer sends what it cannot process to {@code <topic>.dlq}; the DLQ names are derived
 * with {@link #deadLetter(String)} so that there is one spelling of them.
 */
public final class EventTopics {

    /** New articles found by the fetch service, keyed by {@code articleId}. */
    public static final String ARTICLES = "alertwire.articles.v1";
    /** CloudEvents {@code type} of a record on {@link #ARTICLES}. */
    public static final String ARTICLE_TYPE = "alertwire.article.v1";

    /** Articles that matched a topic, keyed by {@code storyId}. */
    public static final String MATCHES = "alertwire.matches.v1";
    /** CloudEvents {@code type} of a record on {@link #MATCHES}. */
    public static final String MATCH_TYPE = "alertwire.match.v1";

    /**
     * Kafka header of a record on {@link #MATCHES}: the matched article's {@code fetchedAt}
     * (ISO-8601), from which the notifier measures fetch-to-alert latency. Optional: a match
     * without it is timed from its own record timestamp.
     */
    public static final String FETCHED_AT_HEADER = "alertwire-fetched-at";

    /** CloudEvents {@code source} of events published by each service. */
    public static final String FETCH_SOURCE = "urn:alertwire:fetch";
    public static final String CLASSIFIER_SOURCE = "urn:alertwire:classifier";

    private EventTopics() {
    }

    /** The dead-letter topic of {@code topic}. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
