package io.alertwire.notifier.digest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import static io.alertwire.notifier.TestMails.awaitMail;
import static io.alertwire.notifier.TestMails.header;
import static io.alertwire.notifier.TestMails.mailsTo;
import static io.alertwire.notifier.TestMails.parts;
import static io.alertwire.notifier.TestMails.subject;
import static io.alertwire.notifier.TestMatches.TOKEN;
import static io.alertwire.notifier.TestMatches.deliveries;
import static io.alertwire.notifier.TestMatches.match;
import static io.alertwire.notifier.TestMatches.produce;
import static io.alertwire.notifier.TestMatches.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import io.alertwire.notifier.ClockedPipelineTest;
import io.alertwire.notifier.GreenMailSmtp;
import io.alertwire.notifier.webhook.WebhookSigner;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;



import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailSmtp.class, scope = TestResourceScope.GLOBAL)
class DigestDeliveryTest extends ClockedPipelineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Pattern CONFIRM = Pattern.compile("/confirm\\?token=([A-Za-z0-9_-]+)");
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @GreenMailSmtp.InjectGreenMail
    GreenMail smtp;

    @Test
    void gathersMatchesOfADailySubscriptionIntoOneMailAtItsLocalTime() throws Exception {
        String dialogue = "dialogue-" + unique();
        String sanctions = "sanctions-" + unique();
        String address = "digest-" + unique() + "@example.org";
        // a daily digest half an hour from now, Seoul time
        String at = LocalTime.now(SEOUL).plusMinutes(30).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ofPattern("HH:mm"));
        String id = given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("topics", List.of(dialogue, sanctions), "mode", "daily", "digestAt", at,
                        "timezone", "Asia/Seoul", "channel", Map.of("type", "email", "address", address)))
                .when().post("/api/subscriptions").then().statusCode(201).extract().path("id");
        confirm(address);
        Instant digestTime = DigestSchedule.next("daily", LocalTime.parse(at), SEOUL, Instant.now());

        String a = "story-a-" + unique();
        String b = "story-b-" + unique();
        String c = "story-c-" + unique();
        // one key, so one partition, so in this order: a repeat of a, and b for both topics
        produce(kafka, id, match(a, dialogue, "Dialogue"), match(b, dialogue, "Dialogue"),
                match(a, dialogue, "Dialogue"), match(b, sanctions, "Sanctions"), match(c, sanctions, "Sanctions"));
        await().atMost(DEADLINE).until(() -> deliveries(id).getList("$").size() == 3
                && deliveries(id).getList("topics.flatten()").size() == 4);
        JsonPath log = deliveries(id);
        assertEquals(List.of("pending", "pending", "pending"), log.getList("status"));
        for (String next : log.<String>getList("nextAttemptAt")) {
            assertEquals(digestTime, Instant.parse(next), "each waits for the digest time");
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> digestMails(address).isEmpty());

        clock.moveTo(digestTime.plusSeconds(1));
        MimeMessage digest = awaitMail(smtp, address, "[Alertwire] Daily digest: 3 stories on Dialogue and Sanctions");
        Map<String, String> parts = parts(digest);
        String text = parts.get("text/plain");
        String html = parts.get("text/html");
        int dialogueAt = text.indexOf("== Dialogue ==");
        int sanctionsAt = text.indexOf("== Sanctions ==");
        assertTrue(dialogueAt >= 0 && sanctionsAt > dialogueAt, text);
        String underDialogue = text.substring(dialogueAt, sanctionsAt);
        String underSanctions = text.substring(sanctionsAt);
        assertTrue(underDialogue.contains("Title of " + a) && underDialogue.contains("Title of " + b)
                && !underDialogue.contains("Title of " + c), underDialogue);
        assertTrue(underSanctions.contains("Title of " + b) && underSanctions.contains("Title of " + c)
                && !underSanctions.contains("Title of " + a), underSanctions);
        assertEquals(1, text.split("Title of " + a + "\\b", -1).length - 1, "a repeated match is listed once");
        assertTrue(text.contains("Other Wire") && text.contains("2026-11-28 18:30 KST"), text);
        assertTrue(html.contains("<a href=\"https://news.example/" + c + "\">Title of " + c + "</a>"), html);
        assertTrue(html.contains("/unsubscribe?token="), html);
        String listUnsubscribe = header(digest, "List-Unsubscribe");
        assertNotNull(listUnsubscribe);
        assertTrue(listUnsubscribe.contains("/unsubscribe?token="), listUnsubscribe);
        assertEquals("List-Unsubscribe=One-Click", header(digest, "List-Unsubscribe-Post"));

        await().atMost(DEADLINE).until(() -> deliveries(id).getList("status").equals(List.of("sent", "sent", "sent")));

        // after the digest: a repeat adds nothing, a new story waits for tomorrow's digest
        String d = "story-d-" + unique();
        produce(kafka, id, match(a, dialogue, "Dialogue"), match(d, dialogue, "Dialogue"));
        await().atMost(DEADLINE).until(() -> deliveries(id).getList("$").size() == 4);
        JsonPath after = deliveries(id);
        assertEquals(1, after.getList("findAll { it.storyId == '" + a + "' }").size());
        assertEquals(digestTime.plus(Duration.ofDays(1)),
                Instant.parse(after.getString("find { it.storyId == '" + d + "' }.nextAttemptAt")));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> digestMails(address).size() == 1);
    }

    @Test
    void sendsAnHourlyDigestAsOneSignedWebhookWithAStableIdAcrossRetries() {
        String topic = "hotline-" + unique();
        String path = "/digest-" + unique();
        receiver.stubFor(post(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        receiver.stubFor(post(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(204)));
        // half an hour away, so that it does not come by itself during the test
        int minute = (LocalTime.now(ZoneId.of("UTC")).getMinute() + 30) % 60;
        JsonPath subscription = given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("topics", List.of(topic), "mode", "hourly", "digestAt", String.format("00:%02d", minute),
                        "channel", Map.of("type", "webhook", "url", receiver.baseUrl() + path)))
                .when().post("/api/subscriptions").then().statusCode(201)
                .body("timezone", org.hamcrest.Matchers.equalTo("UTC")).extract().jsonPath();
        String id = subscription.getString("id");
        Instant digestTime = DigestSchedule.next("hourly", LocalTime.of(0, minute), ZoneId.of("UTC"),
                Instant.now());

        String first = "story-" + unique();
        String second = "story-" + unique();
        produce(kafka, id, match(first, topic, "Hotline"), match(second, topic, "Hotline"));
        await().atMost(DEADLINE).until(() -> deliveries(id).getList("$").size() == 2);
        assertEquals(List.of(), receiver.findAll(postRequestedFor(urlEqualTo(path))), "nothing before the digest");

        clock.moveTo(digestTime.plusSeconds(1));
        await().atMost(DEADLINE).until(() -> deliveries(id).getList("status").equals(List.of("sent", "sent")));
        List<LoggedRequest> calls = receiver.findAll(postRequestedFor(urlEqualTo(path)));
        assertEquals(2, calls.size(), "a failed call and its retry");
        assertEquals(calls.get(0).getHeader("webhook-id"), calls.get(1).getHeader("webhook-id"));
        assertEquals(calls.get(0).getBodyAsString(), calls.get(1).getBodyAsString(), "the same digest again");

        LoggedRequest call = calls.get(1);
        String body = call.getBodyAsString();
        assertEquals(WebhookSigner.sign(subscription.getString("secret"), call.getHeader("webhook-id"),
                Long.parseLong(call.getHeader("webhook-timestamp")), body), call.getHeader("webhook-signature"));
        JsonPath payload = JsonPath.from(body);
        assertEquals("digest.created", payload.getString("type"));
        assertEquals(call.getHeader("webhook-id"), payload.getString("id"));
        assertEquals(id, payload.getString("subscriptionId"));
        assertEquals("hourly", payload.getString("mode"));
        assertEquals(digestTime, Instant.parse(payload.getString("timestamp")));
        assertEquals(List.of(first, second), payload.getList("stories.story.id"));
        assertEquals(List.of(Map.of("id", topic, "name", "Hotline")), payload.getList("stories[0].topics"));
        assertEquals(4, deliveries(id).getList("attempts.flatten()").size(), "each delivery shows both attempts");
    }

    private List<MimeMessage> digestMails(String address) {
        return mailsTo(smtp, address).stream().filter(m -> subject(m).contains("digest")).toList();
    }

    private void confirm(String address) throws Exception {
        String text = parts(awaitMail(smtp, address, "[Alertwire] Confirm your subscription")).get("text/plain");
        Matcher link = CONFIRM.matcher(text);
        assertTrue(link.find(), text);
        given().when().get("/confirm?token=" + link.group(1)).then().statusCode(200);
    }
}
