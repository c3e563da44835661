package io.alertwire.local;

import static io.alertwire.local.LoopbackSite.item;
import static io.alertwire.local.LoopbackSite.rss;
import static io.alertwire.local.LoopbackSite.signatureValid;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertwire.local.LoopbackSite.WebhookCall;
import io.alertwire.local.SmtpSink.ReceivedMail;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole pipeline as a user meets it: Kafka, PostgreSQL and the SMTP sink of the local stack,
 * the three services as separate processes from their packaged apps (so {@code ./mvnw verify}
 * builds them first), a feed and a webhook receiver on loopback. Temp data folder and free ports,
 * so it never collides with a running local stack.
 */
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
class PipelineEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PIPELINE = Duration.ofSeconds(90);
    /** After the expected calls arrived: long enough for a duplicate to show up (delivery tick 1 s, gather window 2 s). */
    private static final Duration QUIET = Duration.ofSeconds(8);


    private static LocalStack stack;
    private static LoopbackSite site;

    @BeforeAll
    static void startStack() throws IOException {
        stack = new LocalStack(TestStacks.onFreePorts("alertwire-e2e-", "-XX:+UseSerialGC -Xmx384m"));
        site = LoopbackSite.start();
        stack.start();
    }

    @AfterAll
    static void stopStack() {
        if (site != null) {
            site.close();
        }
        if (stack != null) {
            TestStacks.stopAndDiscardData(stack);
        }
    }

    @Test
    void alertsOncePerMatchingStoryByWebhookAndEmailEvenAcrossANotifierRestart() throws Exception {
        try {
            runPipeline();
        } catch (AssertionError | RuntimeException e) {
            TestStacks.printServiceLogs(stack);
            throw e;
        }
    }

    private void runPipeline() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        AdminApi api = new AdminApi(stack.adminToken());
        String classifier = stack.service("classifier").baseUrl();
        String notifier = stack.service("notifier").baseUrl();
        String fetch = stack.service("fetch").baseUrl();
        String base = site.baseUrl();

        // a topic of this run's own
        JsonNode topic = api.post(classifier + "/api/topics", Map.of(
                "name", "E2E dialogue " + run,
                "query", "(pyongyang OR \"north korea\") (talks OR dialogue)")).requireSuccess("creating the topic").body();
        String topicId = topic.path("id").asText();
        assertFalse(topicId.isEmpty(), "topic has an id: " + topic);

        // a webhook subscription and a confirmed email subscription, before any article exists
        JsonNode webhook = api.post(notifier + "/api/subscriptions", Map.of(
                "topics", List.of(topicId),
                "channel", Map.of("type", "webhook", "url", base + "/hooks/" + run),
                "mode", "instant")).requireSuccess("creating the webhook subscription").body();
        assertEquals("active", webhook.path("status").asText(), webhook.toString());
        String secret = webhook.path("secret").asText();
        assertTrue(secret.startsWith("whsec_"), "webhook secret is a Standard Webhooks secret");

        String reader = "reader-" + run + "@alertwire.test";
        JsonNode email = api.post(notifier + "/api/subscriptions", Map.of(
                "topics", List.of(topicId),
                "channel", Map.of("type", "email", "address", reader),
                "mode", "instant")).requireSuccess("creating the email subscription").body();
        assertEquals("pending", email.path("status").asText(), email.toString());
        String emailId = email.path("id").asText();

        ReceivedMail confirmation = stack.smtp().await(m -> m.recipient().equalsIgnoreCase(reader)
                && MailText.confirmLink(m.text()).isPresent(), Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("no confirmation mail with a /confirm?token= link for " + reader));
        String link = MailText.confirmLink(confirmation.text()).orElseThrow();
        AdminApi.Response confirmed = api.open(link);
        assertTrue(confirmed.isSuccess(), "confirmation link " + link + " answered " + confirmed.status());
        await("email subscription active").atMost(Duration.ofSeconds(10)).until(() ->
                "active".equals(api.get(notifier + "/api/subscriptions/" + emailId).body().path("status").asText()));

        // the feed: two stories about talks with Pyongyang, two about something else
        String talks = base + "/articles/" + run + "/pyongyang-accepts-military-talks";
        String dialogue = base + "/articles/" + run + "/family-reunion-dialogue";
        Map<String, String> expected = Map.of(
                talks, "Pyongyang accepts Seoul's offer of military talks at the border",
                dialogue, "North Korea and the South resume dialogue on family reunions");
        String feedPath = "/feeds/" + run + ".xml";
        site.serveFeed(feedPath, rss(run, List.of(
                item(talks, expected.get(talks), "North Korea accepted South Korea's proposal for military talks at the"
                        + " border village of Panmunjom, officials in Seoul said, the first such talks in two years.", 30),
                item(base + "/articles/" + run + "/chip-exports", "Seoul stocks close higher on record chip exports",
                        "The benchmark index rose 1.8 percent as semiconductor exports reached a monthly record.", 40),
                item(dialogue, expected.get(dialogue), "Red Cross officials from Pyongyang and Seoul met to restart a"
                        + " dialogue on reunions of families separated by the Korean War.", 50),
                item(base + "/articles/" + run + "/typhoon-okinawa", "Typhoon heads for Okinawa, flights cancelled",
                        "Airlines cancelled more than two hundred flights as the storm approached the islands.", 60))));
        api.post(fetch + "/api/sources", Map.of("url", base + feedPath, "name", "E2E feed " + run))
                .requireSuccess("adding the source");

        // exactly one webhook call per matching story, signed
        await("a webhook call per matching story").atMost(PIPELINE).pollInterval(Duration.ofMillis(500))
                .until(() -> site.webhookCalls().size() >= expected.size());
        Thread.sleep(QUIET.toMillis()); // no positive assertion waits on this: it gives duplicates time to show
        assertEquals(expected.size(), site.webhookCalls().size(), "webhook calls: " + site.webhookCalls());
        Map<String, String> titlesByUrl = new LinkedHashMap<>();
        for (WebhookCall call : site.webhookCalls()) {
            assertTrue(signatureValid(secret, call), "valid Standard Webhooks signature on " + call);
            JsonNode body = JSON.readTree(call.body());
            assertEquals("alert.created", body.path("type").asText(), call.body());
            assertEquals(webhook.path("id").asText(), body.path("subscriptionId").asText(), call.body());
            titlesByUrl.put(body.path("story").path("url").asText(), body.path("story").path("title").asText());
        }
        assertEquals(expected, titlesByUrl, "the webhook calls are the matching stories, each once");

        // one alert mail per matching story
        await("an alert mail per matching story").atMost(PIPELINE).until(() -> alertMailsTo(reader).size() >= expected.size());
        Thread.sleep(2_000);
        List<ReceivedMail> alerts = alertMailsTo(reader);
        assertEquals(expected.size(), alerts.size(), "alert mails: " + alerts.stream().map(ReceivedMail::subject).toList());
        for (String title : expected.values()) {
            assertEquals(1, alerts.stream().filter(m -> m.text().contains(title) || m.subject().contains(title)).count(),
                    "one alert mail names \"" + title + "\"");
        }

        // a restarted notifier sends nothing twice
        stack.service("notifier").restart(Duration.ofMinutes(3));
        Thread.sleep(QUIET.toMillis());
        assertEquals(expected.size(), site.webhookCalls().size(), "webhook calls after the restart: " + site.webhookCalls());
        assertEquals(expected.size(), site.webhookCalls().stream().map(WebhookCall::id).collect(Collectors.toSet()).size(),
                "distinct webhook-ids");
        assertEquals(expected.size(), alertMailsTo(reader).size(), "alert mails after the restart");
        assertEquals(1, stack.smtp().received().stream()
                .filter(m -> m.recipient().equalsIgnoreCase(reader) && MailText.confirmLink(m.text()).isPresent()).count(),
                "one confirmation mail");
    }

    private static List<ReceivedMail> alertMailsTo(String address) {
        return stack.smtp().received().stream()
                .filter(m -> m.recipient().equalsIgnoreCase(address) && MailText.confirmLink(m.text()).isEmpty())
                .toList();
    }




}
