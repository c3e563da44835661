package io.alertwire.notifier.match;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.alertwire.notifier.TestMatches.createWebhook;
import static io.alertwire.notifier.TestMatches.match;
import static io.alertwire.notifier.TestMatches.produce;
import static io.alertwire.notifier.TestMatches.unique;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertwire.events.EventJson;
import io.alertwire.events.EventTopics;
import io.alertwire.notifier.GreenMailSmtp;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailSmtp.class, scope = TestResourceScope.GLOBAL)
class DeadLetterTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;
    private WireMockServer receiver;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void disconnect() {
        kafka.close();
        receiver.stop();
    }

    @Test
    void deadLettersBadRecordsWithAReasonAndKeepsConsuming() {
        String topic = "hotline-" + unique();
        createWebhook(receiver.baseUrl() + "/hook", topic);
        String story = "story-" + unique();
        String garbage = "this is not JSON " + unique();
        String invalid = EventJson.write(match(story + "-invalid", topic, "Hotline", 1.7, "en"));

        produce(kafka, story, garbage, invalid, match(story, topic, "Hotline"));

        // the valid record behind the bad ones is still processed
        await().atMost(DEADLINE).until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).stream()
                .anyMatch(r -> r.getBodyAsString().contains("\"id\":\"" + story + "\"")));

        try (ConsumerTask<String, String> dlq = kafka.consumeStrings().withGroupId("dlq-reader-" + unique())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(EventTopics.deadLetter(EventTopics.MATCHES))) {
            ConsumerRecord<String, String> deadGarbage = awaitDeadLetter(dlq, garbage);
            assertTrue(reason(deadGarbage).contains("not a valid MatchEvent"), reason(deadGarbage));
            ConsumerRecord<String, String> deadInvalid = awaitDeadLetter(dlq, invalid);
            assertTrue(reason(deadInvalid).contains("score"), reason(deadInvalid));
        }
        assertEquals(0, receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).stream()
                .filter(r -> r.getBodyAsString().contains(story + "-invalid")).count());
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(ConsumerTask<String, String> dlq, String value) {
        return await().atMost(DEADLINE).until(
                () -> dlq.getRecords().stream().filter(r -> value.equals(r.value())).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private static String reason(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("dead-letter-reason");
        assertNotNull(header, "dead-letter-reason header");
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
