package io.alertwire.notifier.delivery;

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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.alertwire.notifier.GreenMailSmtp;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailSmtp.class, scope = TestResourceScope.GLOBAL)
class DeliveryRetryTest {

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
    }

    @AfterEach
    void disconnect() {
        kafka.close();
        receiver.stop();
    }

    @Test
    void resendsASentDeliveryWithTheSameWebhookId() {
        String topic = "talks-" + unique();
        String id = createWebhook(receiving("/sent", aResponse().withStatus(200)), topic).getString("id");
        String story = "story-" + unique();
        produce(kafka, story, match(story, topic, "Talks"));
        await().atMost(DEADLINE).until(() -> "sent".equals(deliveries(id).getString("[0].status")));
        String delivery = deliveries(id).getString("[0].id");

        given().auth().oauth2(TOKEN).when().post("/api/deliveries/" + delivery + "/retry").then().statusCode(202)
                .header("Location", endsWith("/api/subscriptions/" + id + "/deliveries"));

        await().atMost(DEADLINE).until(() -> calls("/sent").size() == 2);
        assertEquals(List.of(delivery, delivery), calls("/sent").stream().map(r -> r.getHeader("webhook-id")).toList());
        await().atMost(DEADLINE).until(() -> deliveries(id).getList("[0].attempts").size() == 2);
        assertEquals("sent", deliveries(id).getString("[0].status"));
    }

    @Test
    void goneWebhookDisablesItsSubscriptionUntilResumedAndRetried() {
        String topic = "hotline-" + unique();
        String url = receiving("/gone", aResponse().withStatus(410).withBody("no such hook"));
        String id = createWebhook(url, topic).getString("id");
        String witness = "/witness-" + unique();
        createWebhook(receiving(witness, aResponse().withStatus(204)), topic);
        String story = "story-" + unique();
        produce(kafka, story, match(story, topic, "Hotline"));

        await().atMost(DEADLINE).until(() -> "disabled".equals(subscription(id).getString("status")));
        assertTrue(subscription(id).getString("statusReason").contains("410"), subscription(id).prettify());
        JsonPath log = deliveries(id);
        assertEquals("failed", log.getString("[0].status"));
        assertEquals(410, log.getInt("[0].attempts[0].statusCode"));
        assertTrue(log.getString("[0].attempts[0].error").contains("no such hook"), log.prettify());
        String delivery = log.getString("[0].id");

        // disabled: no new deliveries, and a retry is refused until an admin resumes it
        String next = "story-" + unique();
        produce(kafka, next, match(next, topic, "Hotline"));
        await().atMost(DEADLINE).until(() -> calls(witness).stream().anyMatch(r -> r.getBodyAsString().contains(next)));
        assertEquals(1, deliveries(id).getList("$").size());
        given().auth().oauth2(TOKEN).when().post("/api/deliveries/" + delivery + "/retry").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("resume"));

        receiving("/gone", aResponse().withStatus(200));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("status", "active"))
                .when().patch("/api/subscriptions/" + id).then().statusCode(200)
                .body("status", equalTo("active")).body("statusReason", nullValue());
        given().auth().oauth2(TOKEN).when().post("/api/deliveries/" + delivery + "/retry").then().statusCode(202);

        await().atMost(DEADLINE).until(() -> "sent".equals(deliveries(id).getString("[0].status")));
        assertEquals(2, calls("/gone").size());
    }

    @Test
    void waitsAsLongAsRetryAfterAsksWithinTheSchedule() {
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String seconds = subscribeAndSend(aResponse().withStatus(429).withHeader("Retry-After", "120"));
        String date = subscribeAndSend(aResponse().withStatus(503)
                .withHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(inAnHour.atOffset(ZoneOffset.UTC))));
        String tooLong = subscribeAndSend(aResponse().withStatus(503).withHeader("Retry-After", "9999999"));

        assertAbout(Duration.ofSeconds(120), waitAfterFirstAttempt(seconds), Duration.ofSeconds(3));
        JsonPath dated = firstAttempted(date);
        assertAbout(Duration.ZERO, Duration.between(inAnHour, Instant.parse(dated.getString("[0].nextAttemptAt"))),
                Duration.ofSeconds(2));
        assertTrue(dated.getString("[0].attempts[0].error").contains("Retry-After"), dated.prettify());
        // the longest wait of the schedule (10 h), not 115 days
        assertAbout(Duration.ofHours(10), waitAfterFirstAttempt(tooLong), Duration.ofSeconds(3));
    }

    @Test
    void answersUnknownDeliveryWith404Problem() {
        given().auth().oauth2(TOKEN).when().post("/api/deliveries/" + UUID.randomUUID() + "/retry").then()
                .statusCode(404).contentType("application/problem+json");
        given().when().post("/api/deliveries/" + UUID.randomUUID() + "/retry").then().statusCode(401);
    }

    /** Subscribes a new path answering {@code answer} and sends it one match; returns the subscription id. */
    private String subscribeAndSend(ResponseDefinitionBuilder answer) {
        String topic = "envoy-" + unique();
        String id = createWebhook(receiving("/" + unique(), answer), topic).getString("id");
        String story = "story-" + unique();
        produce(kafka, story, match(story, topic, "Envoy"));
        return id;
    }

    private static JsonPath firstAttempted(String subscriptionId) {
        await().atMost(DEADLINE).until(() -> !deliveries(subscriptionId).getList("[0].attempts").isEmpty());
        return deliveries(subscriptionId);
    }

    private static Duration waitAfterFirstAttempt(String subscriptionId) {
        JsonPath log = firstAttempted(subscriptionId);
        assertEquals("pending", log.getString("[0].status"));
        return Duration.between(Instant.parse(log.getString("[0].attempts[0].at")),
                Instant.parse(log.getString("[0].nextAttemptAt")));
    }

    private static void assertAbout(Duration expected, Duration actual, Duration tolerance) {
        assertTrue(actual.minus(expected).abs().compareTo(tolerance) <= 0, "expected " + expected + ", was " + actual);
    }

    private String receiving(String path, ResponseDefinitionBuilder answer) {
        receiver.stubFor(post(urlEqualTo(path)).willReturn(answer));
        return receiver.baseUrl() + path;
    }

    private List<LoggedRequest> calls(String path) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private static JsonPath subscription(String id) {
        return given().auth().oauth2(TOKEN).when().get("/api/subscriptions/" + id).then().statusCode(200)
                .extract().jsonPath();
    }
}
