package io.alertwire.notifier.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import static io.alertwire.notifier.TestMails.awaitMail;
import static io.alertwire.notifier.TestMails.mailsTo;
import static io.alertwire.notifier.TestMails.parts;
import static io.alertwire.notifier.TestMatches.TOKEN;
import static io.alertwire.notifier.TestMatches.deliveries;
import static io.alertwire.notifier.TestMatches.match;
import static io.alertwire.notifier.TestMatches.produce;
import static io.alertwire.notifier.TestMatches.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import com.icegreen.greenmail.util.GreenMail;
import io.alertwire.notifier.ClockedPipelineTest;
import io.alertwire.notifier.GreenMailSmtp;


import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;


import org.junit.jupiter.api.Test;

/**
 * An endpoint that fails every attempt for five days (the clock is moved, not waited for) gets its
 * subscription disabled, its waiting alerts failed, and its owner one mail.
 */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailSmtp.class, scope = TestResourceScope.GLOBAL)
class FailingEndpointTest extends ClockedPipelineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(40);

    @GreenMailSmtp.InjectGreenMail
    GreenMail smtp;

    @ConfigProperty(name = "alertwire.notifier.operator-email")
    String operator;

    @Test
    void aSuccessfulRetryEndsTheFailureStreak() {
        String topic = "flaky-" + unique();
        String path = "/flaky-" + unique();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));
        String id = webhook(receiver.baseUrl() + path, topic, null);

        produce(kafka, topic, match("story-" + unique(), topic, "Flaky"));
        await().atMost(DEADLINE).until(() -> subscription(id).getString("failingSince") != null);

        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        await().atMost(DEADLINE).until(() -> deliveries(id).getList("status").equals(List.of("sent")));
        assertEquals(null, subscription(id).getString("failingSince"), "the endpoint works again");
    }

    @Test
    void disablesAWebhookFailingForFiveDaysAndTellsItsOwnerOnce() throws Exception {
        String topic = "outage-" + unique();
        String path = "/down-" + unique();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500).withBody("database down")));
        String owner = "owner-" + unique() + "@example.org";
        String url = receiver.baseUrl() + path;
        String id = webhook(url, topic, owner);

        String first = "story-" + unique();
        String second = "story-" + unique();
        produce(kafka, topic, match(first, topic, "Outage"), match(second, topic, "Outage"));
        // both alerts failed once and wait for their retry; the endpoint's failure streak has begun
        await().atMost(DEADLINE).until(() -> deliveries(id).getList("attempts.flatten()").size() >= 2);
        JsonPath failing = subscription(id);
        assertEquals("active", failing.getString("status"));
        Instant since = Instant.parse(failing.getString("failingSince"));

        clock.moveTo(since.plus(Duration.ofDays(5)).plusSeconds(60));

        await().atMost(DEADLINE).until(() -> "disabled".equals(subscription(id).getString("status")));
        String reason = subscription(id).getString("statusReason");
        assertTrue(reason.contains("failed every attempt since " + since) && reason.contains("HTTP 500"), reason);
        await().atMost(DEADLINE).until(() -> deliveries(id).getList("status").equals(List.of("failed", "failed")));
        JsonPath log = deliveries(id);
        for (String why : log.<String>getList("failureReason")) {
            assertTrue(why.startsWith("not sent: the subscription was disabled"), why);
        }
        assertEquals(List.of(), log.getList("findAll { it.nextAttemptAt != null }"), "nothing is retried");
        int calls = receiver.findAll(postRequestedFor(urlEqualTo(path))).size();

        var notice = awaitMail(smtp, owner, "[Alertwire] Subscription disabled: " + url);
        String text = parts(notice).get("text/plain");
        assertTrue(text.contains(id) && text.contains("HTTP 500") && text.contains("{\"status\":\"active\"}"), text);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo(smtp, owner).size() == 1);
        assertEquals(calls, receiver.findAll(postRequestedFor(urlEqualTo(path))).size(), "no more calls");

        // the owner fixes the endpoint and resumes the subscription
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("status", "active"))
                .when().patch("/api/subscriptions/" + id).then().statusCode(200)
                .body("status", equalTo("active")).body("statusReason", nullValue())
                .body("failingSince", nullValue());
        String later = "story-" + unique();
        produce(kafka, topic, match(later, topic, "Outage"));
        await().atMost(DEADLINE).until(() -> "sent".equals(
                deliveries(id).getString("find { it.storyId == '" + later + "' }.status")));
    }

    @Test
    void tellsTheOperatorWhenTheSubscriptionNamesNoContact() {
        String topic = "outage-" + unique();
        String path = "/down-" + unique();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));
        String url = receiver.baseUrl() + path;
        String id = webhook(url, topic, null);

        String story = "story-" + unique();
        produce(kafka, topic, match(story, topic, "Outage"));
        await().atMost(DEADLINE).until(() -> subscription(id).getString("failingSince") != null);
        clock.moveTo(Instant.parse(subscription(id).getString("failingSince")).plus(Duration.ofDays(6)));

        await().atMost(DEADLINE).until(() -> "disabled".equals(subscription(id).getString("status")));
        awaitMail(smtp, operator, "[Alertwire] Subscription disabled: " + url);
    }

    @Test
    void refusesAContactThatIsNoEmailAddress() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("topics", List.of("outage"), "mode", "instant", "contactEmail", "not an address",
                        "channel", Map.of("type", "webhook", "url", receiver.baseUrl() + "/x")))
                .when().post("/api/subscriptions").then().statusCode(400).contentType("application/problem+json");
    }

    private static String webhook(String url, String topic, String contact) {
        Map<String, Object> body = new HashMap<>(Map.of("topics", List.of(topic), "mode", "instant",
                "channel", Map.of("type", "webhook", "url", url)));
        if (contact != null) {
            body.put("contactEmail", contact);
        }
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body)
                .when().post("/api/subscriptions").then().statusCode(201)
                .body("contactEmail", contact == null ? nullValue() : equalTo(contact)).extract().path("id");
    }

    private static JsonPath subscription(String id) {
        return given().auth().oauth2(TOKEN).when().get("/api/subscriptions/" + id).then().statusCode(200)
                .extract().jsonPath();
    }
}
