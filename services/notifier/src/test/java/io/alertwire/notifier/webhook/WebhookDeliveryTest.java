package io.alertwire.notifier.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.alertwire.notifier.TestMatches.TOKEN;
import static io.alertwire.notifier.TestMatches.createWebhook;
import static io.alertwire.notifier.TestMatches.deliveries;
import static io.alertwire.notifier.TestMatches.match;
import static io.alertwire.notifier.TestMatches.produce;
import static io.alertwire.notifier.TestMatches.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.alertwire.events.MatchEvent;
import io.alertwire.notifier.GreenMailSmtp;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailSmtp.class, scope = TestResourceScope.GLOBAL)
class WebhookDeliveryTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static WireMockServer receiver;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;

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

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void sendsOneSignedWebhookPerStoryEvenWhenTheMatchRepeats() {
        String topic = "talks-" + unique();
        String path = receiving(200);
        JsonPath subscription = createWebhook(receiver.baseUrl() + path, topic);
        String story = "story-" + unique();
        String later = "story-" + unique();

        MatchEvent match = match(story, topic, "Talks " + topic);
        // the same match twice (a redelivery), then another story: once that one arrives, the repeats are done
        produce(kafka, story, match, match, match(later, topic, "Talks " + topic));

        await().atMost(DEADLINE).until(() -> callsAbout(path, later).size() == 1);
        List<LoggedRequest> calls = callsAbout(path, story);
        assertEquals(1, calls.size(), "one call for the story");

        LoggedRequest call = calls.get(0);
        String body = call.getBodyAsString();
        assertEquals(expectedSignature(subscription.getString("secret"), call.getHeader("webhook-id"),
                call.getHeader("webhook-timestamp"), body), call.getHeader("webhook-signature"));
        assertTrue(call.getHeader("Content-Type").startsWith("application/json"));
        long age = Instant.now().getEpochSecond() - Long.parseLong(call.getHeader("webhook-timestamp"));
        assertTrue(age >= 0 && age < 60, "webhook-timestamp is now: " + age);

        JsonPath payload = JsonPath.from(body);
        assertEquals("alert.created", payload.getString("type"));
        assertEquals(call.getHeader("webhook-id"), payload.getString("id"));
        assertEquals(subscription.getString("id"), payload.getString("subscriptionId"));
        assertEquals(List.of(Map.of("id", topic, "name", "Talks " + topic)), payload.getList("topics"));
        assertEquals(story, payload.getString("story.id"));
        assertEquals("Title of " + story, payload.getString("story.title"));
        assertEquals("https://news.example/" + story, payload.getString("story.url"));
        assertEquals("Example News", payload.getString("story.sourceName"));
        assertEquals("en", payload.getString("story.language"));
        assertEquals("2026-11-28T09:30:00Z", payload.getString("story.publishedAt"));
        assertEquals(0.8f, payload.getFloat("story.score"));
        assertEquals("Other Wire", payload.getString("story.alsoReportedBy[0].sourceName"));

        JsonPath log = deliveries(subscription.getString("id"));
        assertEquals(2, log.getList("$").size());
        assertEquals("sent", log.getString("find { it.storyId == '" + story + "' }.status"));
        assertEquals(200, log.getInt("find { it.storyId == '" + story + "' }.attempts[0].statusCode"));
    }

    @Test
    void namesEveryMatchedTopicOfTheSubscriptionInOneCall() {
        String first = "summit-" + unique();
        String suffix = unique();
        String secondId = "hotline-" + suffix;
        String secondName = "Hotline " + suffix;
        String path = receiving(200);
        // one topic by id, the other by its display name
        createWebhook(receiver.baseUrl() + path, first, secondName);
        String story = "story-" + unique();

        produce(kafka, story, match(story, first, "Summit " + first), match(story, secondId, secondName));

        await().atMost(DEADLINE).until(() -> callsAbout(path, story).size() == 1);
        JsonPath payload = JsonPath.from(callsAbout(path, story).get(0).getBodyAsString());
        assertEquals(List.of(first, secondId), payload.getList("topics.id"));
        assertEquals(List.of("Summit " + first, secondName), payload.getList("topics.name"));
        assertEquals(1, callsAbout(path, story).size());
    }

    @Test
    void sendsNothingForTopicsNotSubscribed() {
        String topic = "envoy-" + unique();
        String path = receiving(200);
        createWebhook(receiver.baseUrl() + path, topic);
        String other = "story-" + unique();
        String mine = "story-" + unique();

        produce(kafka, mine, match(other, "kpop-" + unique(), "K-pop"), match(mine, topic, "Envoy"));

        await().atMost(DEADLINE).until(() -> callsAbout(path, mine).size() == 1);
        assertEquals(0, callsAbout(path, other).size());
    }

    @Test
    void skipsMatchesBelowTheScoreFloorOrInOtherLanguages() {
        String topic = "letters-" + unique();
        String path = receiving(200);
        subscribeWithScoreFloorAndLanguages(path, topic);
        String weak = "story-" + unique();
        String french = "story-" + unique();
        String fits = "story-" + unique();

        produce(kafka, fits, match(weak, topic, "Letters", 0.2, "en"), match(french, topic, "Letters", 0.9, "fr"),
                match(fits, topic, "Letters", 0.9, "ko"));

        await().atMost(DEADLINE).until(() -> callsAbout(path, fits).size() == 1);
        assertEquals(0, callsAbout(path, weak).size());
        assertEquals(0, callsAbout(path, french).size());
    }

    @Test
    void retriesWebhookAfterServerError() {
        String topic = "proposal-" + unique();
        String path = receiving(500);
        String id = createWebhook(receiver.baseUrl() + path, topic).getString("id");
        String story = "story-" + unique();

        produce(kafka, story, match(story, topic, "Proposal"));

        await().atMost(DEADLINE).until(() -> !deliveries(id).getList("[0].attempts").isEmpty());
        JsonPath log = deliveries(id);
        assertEquals("pending", log.getString("[0].status"));
        assertEquals(500, log.getInt("[0].attempts[0].statusCode"));
        assertTrue(log.getString("[0].attempts[0].error").contains("500"), log.getString("[0].attempts[0].error"));
        Instant attempted = Instant.parse(log.getString("[0].attempts[0].at"));
        Instant next = Instant.parse(log.getString("[0].nextAttemptAt"));
        // first wait of the schedule: 5 s ± 20%, counted from when the attempt is recorded, a moment
        // (longer on a loaded machine) after it started; the next wait would be 5 minutes
        Duration wait = Duration.between(attempted, next);
        assertTrue(wait.compareTo(Duration.ofMillis(3_900)) > 0 && wait.compareTo(Duration.ofMillis(9_000)) < 0,
                "retry in " + wait);

        // operators see the failure in the metrics their alerts are built on
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("alertwire_notifier_deliveries_total{")
                && line.contains("channel=\"webhook\"") && line.contains("kind=\"alert\"")
                && line.contains("outcome=\"failed\"")), "failed webhook attempts are counted");
    }

    /** A path of the receiver that answers {@code status}; unique to the calling test. */
    private static String receiving(int status) {
        String path = "/hooks/" + unique();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)));
        return path;
    }

    private static List<LoggedRequest> callsAbout(String path, String storyId) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .filter(r -> storyId.equals(JsonPath.from(r.getBodyAsString()).getString("story.id")))
                .toList();
    }

    private static void subscribeWithScoreFloorAndLanguages(String path, String topic) {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("topics", List.of(topic), "mode", "instant", "minScore", 0.5,
                        "languages", List.of("en", "ko"),
                        "channel", Map.of("type", "webhook", "url", receiver.baseUrl() + path)))
                .when().post("/api/subscriptions").then().statusCode(201);
    }

    /** The Standard Webhooks signature, computed here independently of the service's signer. */
    private static String expectedSignature(String secret, String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
