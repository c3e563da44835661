package io.alertwire.notifier.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.alertwire.notifier.TestMatches.createWebhook;
import static io.alertwire.notifier.TestMatches.match;
import static io.alertwire.notifier.TestMatches.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailSmtp.class, scope = TestResourceScope.GLOBAL)
class AlertLatencyMetricTest {

    private static final String LATENCY = "alertwire_notifier_alert_latency_seconds";
    /** How long before the send the test's match claims to have been published. */
    private static final Duration MATCH_AGE = Duration.ofSeconds(30);

    private static WireMockServer receiver;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.stop();
        }
    }

    @Test
    void timesAnInstantAlertFromItsMatchRecordToTheSendByChannel() {
        // the record's timestamp says the classifier published the match half a minute ago
        long publishedAt = Instant.now().minus(MATCH_AGE).toEpochMilli();
        double latency = latencyOfOneAlert((story, value) ->
                new ProducerRecord<>(EventTopics.MATCHES, null, publishedAt, story, value));
        assertTrue(latency >= MATCH_AGE.toSeconds() && latency < MATCH_AGE.toSeconds() + 30,
                "the latency counts from the match record's timestamp: " + latency + " s");
        String after = metrics();
        assertTrue(after.contains(LATENCY + "_bucket{channel=\"webhook\""),
                "a histogram with buckets, for histogram_quantile:\n" + after.lines()
                        .filter(l -> l.startsWith(LATENCY)).limit(5).toList());
    }

    @Test
    void timesFromTheArticlesFetchWhenTheMatchCarriesIt() {
        Duration articleAge = Duration.ofMinutes(2);
        String fetchedAt = Instant.now().minus(articleAge).toString();
        double latency = latencyOfOneAlert((story, value) -> {
            ProducerRecord<String, String> record = new ProducerRecord<>(EventTopics.MATCHES, story, value);
            record.headers().add(EventTopics.FETCHED_AT_HEADER, fetchedAt.getBytes(StandardCharsets.UTF_8));
            return record;
        });
        assertTrue(latency >= articleAge.toSeconds() && latency < articleAge.toSeconds() + 30,
                "the latency counts from the article's fetch: " + latency + " s");
    }

    /** Sends one match to a fresh webhook subscription and returns the latency recorded for its alert. */
    private double latencyOfOneAlert(BiFunction<String, String, ProducerRecord<String, String>> record) {
        String topic = "latency-" + unique();
        String path = "/hooks/" + topic;
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        createWebhook(receiver.baseUrl() + path, topic);
        String story = "story-" + unique();
        double countBefore = sample(metrics(), "_count");
        double sumBefore = sample(metrics(), "_sum");

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(List.of(record.apply(story,
                    EventJson.write(match(story, topic, "Latency " + topic))))).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.findAll(postRequestedFor(urlEqualTo(path))).size() == 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> sample(metrics(), "_count") >= countBefore + 1);
        String after = metrics();
        assertEquals(countBefore + 1, sample(after, "_count"), "one more webhook alert timed");
        return sample(after, "_sum") - sumBefore;
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of {@code alertwire_notifier_alert_latency_seconds<suffix>{channel="webhook",...}}, 0 if absent. */
    private static double sample(String exposition, String suffix) {
        Matcher m = Pattern.compile("(?m)^" + LATENCY + suffix + "\\{[^}]*channel=\"webhook\"[^}]*\\} (\\S+)$")
                .matcher(exposition);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
