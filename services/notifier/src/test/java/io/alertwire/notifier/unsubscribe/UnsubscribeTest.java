package io.alertwire.notifier.unsubscribe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.alertwire.notifier.TestMails.awaitMail;
import static io.alertwire.notifier.TestMails.header;
import static io.alertwire.notifier.TestMails.parts;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import io.alertwire.notifier.GreenMailSmtp;
import io.alertwire.notifier.token.SignedTokens;
import io.alertwire.notifier.token.TokenPurpose;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailSmtp.class, scope = TestResourceScope.GLOBAL)
class UnsubscribeTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Pattern LIST_UNSUBSCRIBE = Pattern.compile(
            "<http://localhost:8083/unsubscribe\\?token=([A-Za-z0-9_-]{76})>, "
                    + "<mailto:unsubscribe@alertwire\\.local\\?subject=unsubscribe-\\1>");

    @GreenMailSmtp.InjectGreenMail
    GreenMail smtp;

    @Inject
    SignedTokens tokens;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;
    private WireMockServer receiver;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/witness")).willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void disconnect() {
        kafka.close();
        receiver.stop();
    }

    @Test
    void alertMailOffersOneClickUnsubscribeThatOnlyAPostCarriesOut() throws Exception {
        String topic = "envoys-" + unique();
        String address = "leaver-" + unique() + "@example.org";
        String id = createEmail(topic, address);
        given().when().get("/confirm?token=" + tokens.confirmation(UUID.fromString(id))).then().statusCode(200);

        String story = "story-" + unique();
        produce(kafka, story, match(story, topic, "Envoys"));
        MimeMessage alert = awaitMail(smtp, address, "[Alertwire] Title of " + story);

        Matcher listUnsubscribe = LIST_UNSUBSCRIBE.matcher(header(alert, "List-Unsubscribe"));
        assertTrue(listUnsubscribe.matches(), header(alert, "List-Unsubscribe"));
        assertEquals("List-Unsubscribe=One-Click", header(alert, "List-Unsubscribe-Post"));
        assertNull(header(alert, "Cc"), "no (empty) Cc header");
        String token = listUnsubscribe.group(1);
        String link = "http://localhost:8083/unsubscribe?token=" + token;
        Map<String, String> parts = parts(alert);
        assertTrue(parts.get("text/plain").contains(link), parts.get("text/plain"));
        assertTrue(parts.get("text/html").contains("href=\"" + link + "\""), parts.get("text/html"));

        // a GET (a mail scanner, a link preview) only shows the page with the button
        given().when().get("/unsubscribe?token=" + token).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<form method=\"post\" action=\"?token=" + token + "\">"))
                .body(containsString("List-Unsubscribe"));
        status(id, "active");

        // RFC 8058: the mail client POSTs List-Unsubscribe=One-Click to the https URI
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .when().post("/unsubscribe?token=" + token).then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("You are unsubscribed"));
        status(id, "unsubscribed");
        given().auth().oauth2(TOKEN).when().get("/api/subscriptions/" + id).then()
                .body("statusReason", containsString("unsubscribed"));
        given().when().get("/unsubscribe?token=" + token).then().statusCode(200)
                .body(containsString("You are unsubscribed")).body(not(containsString("<form")));

        // only a new subscription brings the address back: neither the admin nor an old confirmation link can
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("status", "active"))
                .when().patch("/api/subscriptions/" + id).then().statusCode(409)
                .contentType("application/problem+json");
        given().when().get("/confirm?token=" + tokens.confirmation(UUID.fromString(id))).then().statusCode(404);
        status(id, "unsubscribed");

        // and no more alerts: a webhook on the same topic witnesses that the next match was consumed
        createWebhook(receiver.baseUrl() + "/witness", topic);
        String after = "story-" + unique();
        produce(kafka, after, match(after, topic, "Envoys"));
        await().atMost(DEADLINE).until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/witness"))).stream()
                .anyMatch(r -> r.getBodyAsString().contains(after)));
        assertEquals(List.of(story), deliveries(id).getList("storyId"));
    }

    @Test
    void answersBadTokensWithAPageAndChangesNothing() {
        String id = createWebhook("http://127.0.0.1:9/hooks/" + unique(), "hotline-" + unique()).getString("id");
        UUID subscription = UUID.fromString(id);
        String good = tokens.unsubscribe(subscription);
        char flipped = good.charAt(40) == 'A' ? 'B' : 'A';
        String tampered = good.substring(0, 40) + flipped + good.substring(41);
        String expired = tokens.issue(TokenPurpose.UNSUBSCRIBE, subscription, Instant.now().minusSeconds(1));
        String confirmToken = tokens.confirmation(subscription);
        List<String> bad = List.of(tampered, confirmToken, "not-a-token", "%00%0d%0a", "A".repeat(76),
                "x".repeat(1000), "");

        for (String token : bad) {
            given().when().get("/unsubscribe?token=" + token).then().statusCode(404)
                    .contentType(containsString("text/html")).body(containsString("not valid"));
            given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                    .when().post("/unsubscribe?token=" + token).then().statusCode(404)
                    .contentType(containsString("text/html"));
        }
        given().when().post("/unsubscribe").then().statusCode(404).contentType(containsString("text/html"));
        given().when().get("/unsubscribe?token=" + expired).then().statusCode(404).body(containsString("expired"));
        given().when().post("/unsubscribe?token=" + expired).then().statusCode(404);
        // an unsubscribe token is no confirmation token either
        given().when().get("/confirm?token=" + good).then().statusCode(404);
        status(id, "active");
    }

    private static String createEmail(String topic, String address) {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("topics", List.of(topic), "mode", "instant",
                        "channel", Map.of("type", "email", "address", address)))
                .when().post("/api/subscriptions").then().statusCode(201).extract().path("id");
    }

    private static void status(String id, String expected) {
        given().auth().oauth2(TOKEN).when().get("/api/subscriptions/" + id).then().statusCode(200)
                .body("status", equalTo(expected));
    }
}
