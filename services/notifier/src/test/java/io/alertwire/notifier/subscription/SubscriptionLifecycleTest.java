package io.alertwire.notifier.subscription;

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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertwire.events.TopicSlug;
import io.alertwire.notifier.GreenMailSmtp;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
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
class SubscriptionLifecycleTest {

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
    void pausedSubscriptionGetsNoAlertsUntilResumed() {
        String topic = "summit-" + unique();
        String id = createWebhook(receiving("/paused", 200), topic).getString("id");
        // a second subscription to the same topic witnesses that a match has been consumed
        createWebhook(receiving("/witness", 200), topic);

        patch(id, Map.of("status", "paused")).statusCode(200).body("status", equalTo("paused"));
        String whilePaused = "story-" + unique();
        produce(kafka, whilePaused, match(whilePaused, topic, "Summit"));
        await().atMost(DEADLINE).until(() -> calls("/witness", whilePaused) == 1);
        assertEquals(List.of(), deliveries(id).getList("$"));

        patch(id, Map.of("status", "active")).statusCode(200).body("status", equalTo("active"));
        String resumed = "story-" + unique();
        produce(kafka, resumed, match(resumed, topic, "Summit"));
        await().atMost(DEADLINE).until(() -> calls("/paused", resumed) == 1);
        assertEquals(0, calls("/paused", whilePaused));
    }

    @Test
    void refusesToResumeAnUnconfirmedEmailSubscription() {
        String id = given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("topics", List.of("letters"), "mode", "instant",
                        "channel", Map.of("type", "email", "address", "patch-" + unique() + "@example.org")))
                .when().post("/api/subscriptions").then().statusCode(201).extract().path("id");

        patch(id, Map.of("status", "active")).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("confirms"));
        patch(id, Map.of("status", "paused")).statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TOKEN).when().get("/api/subscriptions/" + id).then().body("status", equalTo("pending"));
    }

    @Test
    void changedFiltersDecideTheNextAlerts() {
        String oldTopic = "talks-" + unique();
        String newTopic = "Hotline " + unique();
        String id = createWebhook(receiving("/filters", 200), oldTopic).getString("id");

        given().auth().oauth2(TOKEN).contentType("application/merge-patch+json")
                .body(Map.of("minScore", 0.6, "languages", List.of("KO"), "topics", List.of(newTopic)))
                .when().patch("/api/subscriptions/" + id).then().statusCode(200)
                .body("topics", equalTo(List.of(TopicSlug.of(newTopic))))
                .body("minScore", equalTo(0.6f)).body("languages", equalTo(List.of("ko")))
                .body("status", equalTo("active"));

        String old = "story-" + unique();
        String weak = "story-" + unique();
        String english = "story-" + unique();
        String fits = "story-" + unique();
        String newId = TopicSlug.of(newTopic);
        produce(kafka, fits, match(old, oldTopic, "Talks", 0.9, "ko"), match(weak, newId, newTopic, 0.3, "ko"),
                match(english, newId, newTopic, 0.9, "en"), match(fits, newId, newTopic, 0.9, "ko"));

        await().atMost(DEADLINE).until(() -> calls("/filters", fits) == 1);
        assertEquals(List.of(fits), deliveries(id).getList("storyId"));
    }

    @Test
    void rejectsInvalidChangesWithProblemDetails() {
        String id = createWebhook("http://127.0.0.1:9/hooks/" + unique(), "envoy-" + unique()).getString("id");
        List<Map<String, Object>> invalid = List.of(Map.of("status", "disabled"), Map.of("status", "gone"),
                Map.of("minScore", 1.5), Map.of("languages", List.of("eng")), Map.of("topics", List.of()),
                Map.of("topics", List.of("!!!")), Map.of("minScore", "high"));
        for (Map<String, Object> body : invalid) {
            patch(id, body).statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body(not(containsString("Exception")));
        }
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{not json").when()
                .patch("/api/subscriptions/" + id).then().statusCode(400).contentType("application/problem+json");
        patch(UUID.randomUUID().toString(), Map.of("status", "paused")).statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TOKEN).when().get("/api/subscriptions/" + id).then().body("status", equalTo("active"))
                .body("minScore", equalTo(0.0f));
    }

    @Test
    void deletesSubscriptionWithItsPendingDeliveries() {
        String topic = "proposal-" + unique();
        String id = createWebhook(receiving("/failing", 500), topic).getString("id");
        String story = "story-" + unique();
        produce(kafka, story, match(story, topic, "Proposal"));
        await().atMost(DEADLINE).until(() -> !deliveries(id).getList("[0].attempts").isEmpty());
        String delivery = deliveries(id).getString("[0].id");
        assertEquals("pending", deliveries(id).getString("[0].status"));

        given().auth().oauth2(TOKEN).when().delete("/api/subscriptions/" + id).then().statusCode(204);

        given().auth().oauth2(TOKEN).when().get("/api/subscriptions/" + id).then().statusCode(404);
        // the pending retry is gone with it: nothing is left that could still be sent
        given().auth().oauth2(TOKEN).when().post("/api/deliveries/" + delivery + "/retry").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TOKEN).when().delete("/api/subscriptions/" + id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private String receiving(String path, int status) {
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)));
        return receiver.baseUrl() + path;
    }

    private long calls(String path, String storyId) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .filter(r -> r.getBodyAsString().contains("\"id\":\"" + storyId + "\"")).count();
    }

    private static ValidatableResponse patch(String id, Map<String, Object> body) {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body)
                .when().patch("/api/subscriptions/" + id).then();
    }
}
