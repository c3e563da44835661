package io.alertwire.classifier.article;

import io.alertwire.events.EventJson;
import io.alertwire.events.EventTopics;
import io.alertwire.events.MatchEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes matches to {@code alertwire.matches.v1} and waits until the broker has them all. */
@ApplicationScoped
public class MatchPublisher {

    /** Outgoing channel of match events; mapped to its topic in {@code application.properties}. */
    public static final String CHANNEL = "matches";

    private final MutinyEmitter<String> emitter;
    private final ArticlesConfig config;

    public MatchPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, ArticlesConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /**
     * Sends all matches at once and blocks until every one is acknowledged by the broker.
     *
     * @param fetchedAt when the fetch service saw the article, carried in a header so that the
     *     notifier can time the whole pipeline (the record timestamp stays the send time, which
     *     the topic's retention counts from)
     * @throws RuntimeException when one was refused or the acknowledgements took longer than
     *     {@code alertwire.classifier.articles.publish-timeout}
     */
    public void publishAll(List<MatchEvent> matches, Instant fetchedAt) {
        if (matches.isEmpty()) {
            return;
        }
        List<Uni<Void>> sends = matches.stream().map(match -> emitter.sendMessage(message(match, fetchedAt))).toList();
        Uni.join().all(sends).andFailFast().await().atMost(config.publishTimeout());
    }

    private static Message<String> message(MatchEvent match, Instant fetchedAt) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventTopics.FETCHED_AT_HEADER, fetchedAt.toString().getBytes(StandardCharsets.UTF_8));
        return Message.of(EventJson.write(match))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(match.storyId())
                        .withHeaders(headers).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(match.matchId())
                        .withType(EventTopics.MATCH_TYPE)
                        .withSource(URI.create(EventTopics.CLASSIFIER_SOURCE))
                        .build());
    }
}
