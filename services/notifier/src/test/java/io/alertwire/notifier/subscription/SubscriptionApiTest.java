package io.alertwire.notifier.subscription;

import io.alertwire.events.TopicSlug;
import static io.alertwire.notifier.TestMatches.TOKEN;
import static io.alertwire.notifier.TestMatches.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.alertwire.notifier.GreenMailSmtp;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailSmtp.class, scope = TestResourceScope.GLOBAL)
class SubscriptionApiTest {

    @Test
    void createsWebhookSubscriptionAndShowsItsSecretOnlyOnce() {
        String name = "Summit Watch " + unique();
        var response = post(Map.of("topics", List.of(name, "hotline-" + name),
                        "channel", Map.of("type", "webhook", "url", "http://127.0.0.1:9/hooks/a"),
                        "mode", "instant", "minScore", 0.4, "languages", List.of("EN", "ko")))
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/subscriptions/[0-9a-f-]{36}"))
                .body("status", equalTo("active"))
                .body("channel.type", equalTo("webhook"))
                .body("channel.url", equalTo("http://127.0.0.1:9/hooks/a"))
                .body("topics", equalTo(List.of(TopicSlug.of(name), TopicSlug.of("hotline-" + name))))
                .body("languages", equalTo(List.of("en", "ko")))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/=]+"))
                .extract().jsonPath();
        String secret = response.getString("secret");
        assertEquals(32, Base64.getDecoder().decode(secret.substring("whsec_".length())).length);
        String id = response.getString("id");

        given().auth().oauth2(TOKEN).when().get("/api/subscriptions/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("secret", nullValue()).body("channel.url", notNullValue())
                .body(doesNotContain(secret));
        given().auth().oauth2(TOKEN).when().get("/api/subscriptions").then().statusCode(200)
                .body("id", hasItem(id)).body(doesNotContain("\"secret\""));
    }

    @Test
    void createsEmailSubscriptionPendingConfirmation() {
        post(Map.of("topics", List.of("inter-korean-dialogue"),
                        "channel", Map.of("type", "email", "address", "api-" + unique() + "@example.org"),
                        "mode", "instant", "timezone", "Asia/Seoul"))
                .statusCode(201)
                .body("status", equalTo("pending"))
                .body("channel.type", equalTo("email"))
                .body("timezone", equalTo("Asia/Seoul"))
                .body("secret", nullValue());
    }

    @Test
    void acceptsDigestModesWithTheirDefaults() {
        Map<String, Object> webhook = Map.of("type", "webhook", "url", "http://127.0.0.1:9/digests");
        post(Map.of("topics", List.of("inter-korean-dialogue"), "channel", webhook, "mode", "daily",
                        "digestAt", "07:30", "timezone", "Asia/Seoul"))
                .statusCode(201).body("mode", equalTo("daily")).body("digestAt", equalTo("07:30"))
                .body("timezone", equalTo("Asia/Seoul"));
        post(Map.of("topics", List.of("inter-korean-dialogue"), "channel", webhook, "mode", "daily"))
                .statusCode(201).body("digestAt", equalTo("08:00")).body("timezone", equalTo("UTC"));
        String id = post(Map.of("topics", List.of("inter-korean-dialogue"), "channel", webhook, "mode", "hourly"))
                .statusCode(201).body("digestAt", equalTo("00:00")).body("timezone", equalTo("UTC"))
                .extract().path("id");

        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("mode", "daily", "digestAt", "18:45", "timezone", "Europe/Berlin"))
                .when().patch("/api/subscriptions/" + id).then().statusCode(200)
                .body("mode", equalTo("daily")).body("digestAt", equalTo("18:45"))
                .body("timezone", equalTo("Europe/Berlin"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("timezone", "Mars/Olympus"))
                .when().patch("/api/subscriptions/" + id).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("Mars/Olympus"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("digestAt", "8am"))
                .when().patch("/api/subscriptions/" + id).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void rejectsDigestsWithABadTimeOrZone() {
        Map<String, Object> webhook = Map.of("type", "webhook", "url", "http://127.0.0.1:9/digests");
        for (String at : List.of("8:00", "24:00", "08:60", "08.00", "0800")) {
            post(Map.of("topics", List.of("a"), "channel", webhook, "mode", "daily", "digestAt", at))
                    .statusCode(400).contentType("application/problem+json");
        }
        post(Map.of("topics", List.of("a"), "channel", webhook, "mode", "daily", "timezone", "Europe/Atlantis"))
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Europe/Atlantis"));
    }

    @Test
    void rejectsInvalidRequestsWithProblemDetails() {
        Map<String, Object> webhook = Map.of("type", "webhook", "url", "http://127.0.0.1:9/x");
        List<Map<String, Object>> invalid = List.of(
                Map.of("topics", List.of(), "channel", webhook, "mode", "instant"),
                Map.of("topics", List.of("x".repeat(201)), "channel", webhook, "mode", "instant"),
                Map.of("topics", List.of("!!!"), "channel", webhook, "mode", "instant"),
                Map.of("topics", List.of("a"), "channel", Map.of("type", "email", "address", "not an address"),
                        "mode", "instant"),
                Map.of("topics", List.of("a"), "channel", Map.of("type", "email"), "mode", "instant"),
                Map.of("topics", List.of("a"), "channel", Map.of("type", "webhook", "url", "ftp://example.org/x"),
                        "mode", "instant"),
                Map.of("topics", List.of("a"), "channel", Map.of("type", "webhook", "url", "/relative"),
                        "mode", "instant"),
                Map.of("topics", List.of("a"), "channel", Map.of("type", "pigeon"), "mode", "instant"),
                Map.of("topics", List.of("a"), "channel", webhook, "mode", "weekly"),
                Map.of("topics", List.of("a"), "channel", webhook, "mode", "instant", "minScore", 1.5),
                Map.of("topics", List.of("a"), "channel", webhook, "mode", "instant", "languages", List.of("eng")),
                Map.of("topics", List.of("a"), "channel", webhook, "mode", "instant", "timezone", "Mars/Olympus"),
                Map.of("topics", List.of("a"), "mode", "instant"));
        for (Map<String, Object> body : invalid) {
            post(body).statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("title", equalTo("Bad Request"))
                    .body(doesNotContain("Exception"));
        }
    }

    @Test
    void answersUnknownSubscriptionWith404Problem() {
        given().auth().oauth2(TOKEN).when().get("/api/subscriptions/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(TOKEN).when().get("/api/subscriptions/" + UUID.randomUUID() + "/deliveries").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusesToCreateWithoutToken() {
        given().contentType(ContentType.JSON).body(Map.of("topics", List.of("a"))).when()
                .post("/api/subscriptions").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", endsWith("\"alertwire\""));
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body)
                .when().post("/api/subscriptions").then();
    }

    private static Matcher<String> doesNotContain(String text) {
        return not(containsString(text));
    }
}
