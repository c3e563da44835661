package io.alertwire.notifier.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import static io.alertwire.notifier.TestMatches.TOKEN;
import static io.alertwire.notifier.TestMatches.createWebhook;
import static io.alertwire.notifier.TestMatches.match;
import static io.alertwire.notifier.TestMatches.produce;
import static io.alertwire.notifier.TestMatches.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.alertwire.notifier.ClockedPipelineTest;
import io.alertwire.notifier.GreenMailSmtp;


import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;



import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailSmtp.class, scope = TestResourceScope.GLOBAL)
class WebhookSecretRotationTest extends ClockedPipelineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void signsWithTheNewAndTheOldSecretDuringTheOverlapThenOnlyWithTheNewOne() {
        String topic = "rotation-" + unique();
        String path = "/hooks/" + unique();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        JsonPath created = createWebhook(receiver.baseUrl() + path, topic);
        String id = created.getString("id");
        String old = created.getString("secret");

        Instant before = Instant.now();
        JsonPath rotation = given().auth().oauth2(TOKEN).when().post("/api/subscriptions/" + id + "/secret")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        String fresh = rotation.getString("secret");
        assertTrue(fresh.startsWith("whsec_"), fresh);
        assertTrue(Base64.getDecoder().decode(fresh.substring(6)).length >= 24, "at least 24 random bytes");
        assertNotEquals(old, fresh);
        Instant until = Instant.parse(rotation.getString("previousSecretValidUntil"));
        assertTrue(!until.isBefore(before.plus(Duration.ofHours(24)))
                && until.isBefore(Instant.now().plus(Duration.ofHours(24)).plusSeconds(5)), until.toString());
        // shown once: neither secret comes back from the API
        given().auth().oauth2(TOKEN).when().get("/api/subscriptions/" + id).then().statusCode(200)
                .body(not(containsString(fresh))).body(not(containsString(old))).body(not(containsString("secret")));
        given().auth().oauth2(TOKEN).when().get("/api/subscriptions").then().statusCode(200)
                .body(not(containsString(fresh))).body(not(containsString(old)));

        String during = "story-" + unique();
        produce(kafka, during, match(during, topic, "Rotation"));
        LoggedRequest first = awaitCall(path, during);
        List<String> signatures = List.of(first.getHeader("webhook-signature").split(" "));
        assertEquals(2, signatures.size(), first.getHeader("webhook-signature"));
        // a receiver holding either secret finds a signature that verifies
        assertTrue(verifies(signatures.get(0), fresh, first), "the first signature is made with the new secret");
        assertTrue(verifies(signatures.get(1), old, first), "the second with the old one");
        assertFalse(verifies(signatures.get(0), old, first));

        clock.moveTo(until.plusSeconds(60));
        String after = "story-" + unique();
        produce(kafka, after, match(after, topic, "Rotation"));
        LoggedRequest second = awaitCall(path, after);
        List<String> only = List.of(second.getHeader("webhook-signature").split(" "));
        assertEquals(1, only.size(), second.getHeader("webhook-signature"));
        assertTrue(verifies(only.get(0), fresh, second));
        assertFalse(verifies(only.get(0), old, second), "the old secret no longer signs");
    }

    @Test
    void refusesToRotateWhatHasNoSecret() {
        String email = given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("topics", List.of("rotation-" + unique()), "mode", "instant",
                        "channel", Map.of("type", "email", "address", "rotate-" + unique() + "@example.org")))
                .when().post("/api/subscriptions").then().statusCode(201).extract().path("id");

        given().auth().oauth2(TOKEN).when().post("/api/subscriptions/" + email + "/secret").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(TOKEN).when().post("/api/subscriptions/00000000-0000-0000-0000-000000000000/secret")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().post("/api/subscriptions/" + email + "/secret").then().statusCode(401);
    }

    private LoggedRequest awaitCall(String path, String story) {
        await().atMost(DEADLINE).until(() -> calls(path, story).size() == 1);
        return calls(path, story).get(0);
    }

    private List<LoggedRequest> calls(String path, String story) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .filter(r -> story.equals(JsonPath.from(r.getBodyAsString()).getString("story.id"))).toList();
    }

    /** What a Standard Webhooks receiver does with one signature of the header and the secret it holds. */
    private static boolean verifies(String signature, String secret, LoggedRequest call) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String signed = call.getHeader("webhook-id") + "." + call.getHeader("webhook-timestamp") + "."
                    + call.getBodyAsString();
            byte[] expected = mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
            if (!signature.startsWith("v1,")) {
                return false;
            }
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
