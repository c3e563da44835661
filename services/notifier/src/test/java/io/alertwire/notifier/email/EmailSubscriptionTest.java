package io.alertwire.notifier.email;

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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import io.alertwire.events.MatchEvent;
import io.alertwire.notifier.GreenMailSmtp;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
class EmailSubscriptionTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("http://localhost:8083/confirm\\?token=([A-Za-z0-9_-]+)");

    @GreenMailSmtp.InjectGreenMail
    GreenMail smtp;

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
    void confirmsByEmailThenSendsAlertsWithHtmlAndTextParts() throws Exception {
        String topic = "dialogue-" + unique();
        String address = "reader-" + unique() + "@example.org";
        // a webhook on the same topic witnesses that a match has been consumed
        createWebhook(receiver.baseUrl() + "/witness", topic);
        String id = given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("topics", List.of(topic), "mode", "instant",
                        "channel", Map.of("type", "email", "address", address)))
                .when().post("/api/subscriptions").then().statusCode(201).body("status", equalTo("pending"))
                .extract().path("id");

        MimeMessage confirmation = awaitMail(address, "[Alertwire] Confirm your subscription");
        assertNull(confirmation.getHeader("Cc"), "no (empty) Cc header");
        Map<String, String> parts = parts(confirmation);
        String token = token(parts.get("text/plain"));
        assertEquals(token, token(parts.get("text/html")), "the same link in both parts");

        // a match before the address confirms sends nothing
        String early = "story-" + unique();
        produce(kafka, early, match(early, topic, "Dialogue"));
        await().atMost(DEADLINE).until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/witness"))).stream()
                .anyMatch(r -> r.getBodyAsString().contains(early)));
        assertEquals(List.of(), deliveries(id).getList("$"));

        given().when().get("/confirm?token=" + token).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Subscription confirmed"));
        given().auth().oauth2(TOKEN).when().get("/api/subscriptions/" + id).then().body("status", equalTo("active"));
        given().when().get("/confirm?token=" + token).then().statusCode(404).contentType(containsString("text/html"));

        String story = "story-" + unique();
        produce(kafka, story, match(story, topic, "Dialogue"));
        MimeMessage alert = awaitMail(address, "[Alertwire] Title of " + story);
        assertNull(alert.getHeader("Cc"), "no (empty) Cc header");
        Map<String, String> alertParts = parts(alert);
        assertTrue(alertParts.get("text/plain").contains("https://news.example/" + story), alertParts.toString());
        assertTrue(alertParts.get("text/plain").contains("Dialogue"), alertParts.toString());
        assertTrue(alertParts.get("text/plain").contains("Other Wire"), alertParts.toString());
        assertTrue(alertParts.get("text/html").contains("<a href=\"https://news.example/" + story + "\">Title of "
                + story + "</a>"), alertParts.get("text/html"));
        assertTrue(alertParts.get("text/html").contains("2026-11-28 09:30 UTC"), alertParts.get("text/html"));

        assertTrue(mailsTo(address).stream().noneMatch(m -> subject(m).contains(early)), "no alert of the early story");
        await().atMost(DEADLINE).until(() -> "sent".equals(deliveries(id).getString("[0].status")));
        assertEquals(1, deliveries(id).getList("$").size());
        // a stable Message-ID: a mail sent again after a crash is recognisably the same message
        assertEquals(List.of("<" + deliveries(id).getString("[0].id") + "@alertwire.local>"),
                List.of(alert.getHeader("Message-ID")));
    }

    @Test
    void answersUnknownConfirmationTokenWith404Page() {
        given().when().get("/confirm?token=not-a-token").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("not valid"));
        given().when().get("/confirm").then().statusCode(404);
    }

    @Test
    void keepsCarriageReturnsOutOfTheSubject() throws Exception {
        String topic = "letters-" + unique();
        String address = "crlf-" + unique() + "@example.org";
        String id = given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("topics", List.of(topic), "mode", "instant",
                        "channel", Map.of("type", "email", "address", address)))
                .when().post("/api/subscriptions").then().statusCode(201).extract().path("id");
        String token = token(parts(awaitMail(address, "[Alertwire] Confirm your subscription")).get("text/plain"));
        given().when().get("/confirm?token=" + token).then().statusCode(200);

        String story = "story-" + unique();
        MatchEvent hostile = new MatchEvent("m-" + story, "a-" + story, story, topic, "Letters", 0.9,
                List.of(), "Headline\r\nBcc: victim@example.org", "https://news.example/" + story, "Wire", "en",
                null, "snippet", 0, List.of());
        produce(kafka, story, hostile);

        MimeMessage alert = awaitMail(address, "[Alertwire] Headline Bcc: victim@example.org");
        assertEquals(null, alert.getHeader("Bcc"));
        assertEquals(1, alert.getAllRecipients().length);
        await().atMost(DEADLINE).until(() -> "sent".equals(deliveries(id).getString("[0].status")));
    }

    private MimeMessage awaitMail(String address, String subject) {
        return await().atMost(DEADLINE).until(() -> mailsTo(address).stream()
                        .filter(m -> subject.equals(subject(m))).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    private static String token(String text) {
        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), "a confirmation link in: " + text);
        return link.group(1);
    }

    /** The text parts of a message by content type (text/plain, text/html). */
    private static Map<String, String> parts(Part message) throws Exception {
        Map<String, String> parts = new HashMap<>();
        collect(message, parts);
        assertTrue(parts.containsKey("text/plain") && parts.containsKey("text/html"), parts.keySet().toString());
        return parts;
    }

    private static void collect(Part part, Map<String, String> into) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, into);
            }
        } else if (part.isMimeType("text/plain")) {
            into.put("text/plain", part.getContent().toString());
        } else if (part.isMimeType("text/html")) {
            into.put("text/html", part.getContent().toString());
        }
    }
}
