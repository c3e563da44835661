package io.alertwire.notifier;

import static io.restassured.RestAssured.given;

import io.alertwire.events.EventJson;
import io.alertwire.events.EventTopics;
import io.alertwire.events.MatchEvent;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Builders for the tests: match events, records, subscriptions through the API. */
public final class TestMatches {

    public static final String TOKEN = "test-token";

    private TestMatches() {
    }

    /** A short random suffix, so each test's topics, stories and addresses are its own. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static MatchEvent match(String storyId, String topicId, String topicName) {
        return match(storyId, topicId, topicName, 0.8, "en");
    }

    public static MatchEvent match(String storyId, String topicId, String topicName, double score, String language) {
        return new MatchEvent("match-" + storyId + "-" + topicId, "article-" + storyId, storyId, topicId, topicName,
                score, List.of("talks"), "Title of " + storyId, "https://news.example/" + storyId, "Example News",
                language, Instant.parse("2026-11-28T09:30:00Z"), "Seoul and Pyongyang agreed to hold talks.", 1,
                List.of(new MatchEvent.AlsoReportedBy("https://other.example/" + storyId, "Other Wire",
                        "Other copy of " + storyId)));
    }

    /** Produces records to the matches topic, all with {@code key} so that they keep their order. */
    public static void produce(KafkaCompanion kafka, String key, Object... values) {
        kafka.produceStrings().fromRecords(java.util.Arrays.stream(values)
                .map(v -> new ProducerRecord<>(EventTopics.MATCHES, key,
                        v instanceof String s ? s : EventJson.write(v)))
                .toList()).awaitCompletion();
    }

    /** Creates a webhook subscription; returns the response body. */
    public static JsonPath createWebhook(String url, String... topics) {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("topics", List.of(topics), "channel", Map.of("type", "webhook", "url", url),
                        "mode", "instant"))
                .when().post("/api/subscriptions")
                .then().statusCode(201).extract().jsonPath();
    }

    /** The delivery log of a subscription. */
    public static JsonPath deliveries(String subscriptionId) {
        return given().auth().oauth2(TOKEN).when().get("/api/subscriptions/" + subscriptionId + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }
}
