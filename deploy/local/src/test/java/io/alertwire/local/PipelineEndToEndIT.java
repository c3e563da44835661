package io.alertwire.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.alertwire.local.SmtpSink.ReceivedMail;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

    /** One webhook call as received. */
    record WebhookCall(String id, String timestamp, String signature, String body) {
    }

    private static LocalStack stack;
    private static HttpServer loopback;
    private static final List<WebhookCall> webhookCalls = new CopyOnWriteArrayList<>();
    private static final Map<String, byte[]> feeds = new LinkedHashMap<>();

    @BeforeAll
    static void startStack() throws IOException {
        Path root = RepositoryRoot.locate();
        for (String service : LocalStack.SERVICES) {
            Path jar = ServiceProcess.jarOf(root, service);
            assertTrue(Files.isRegularFile(jar), jar + " is missing: build the services first (./mvnw verify builds them before this module)");
        }
        Path data = Files.createTempDirectory("alertwire-e2e-");
        stack = new LocalStack(new LocalStackSettings(root, data, data.resolve(".token"),
                Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), 0,
                false, false, "-XX:+UseSerialGC -Xmx384m"));
        loopback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        loopback.createContext("/feeds/", exchange -> {
            byte[] body = feeds.get(exchange.getRequestURI().getPath());
            try (exchange) {
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        loopback.createContext("/hooks/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                webhookCalls.add(new WebhookCall(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        loopback.start();
        stack.start();
    }

    @AfterAll
    static void stopStack() {
        if (loopback != null) {
            loopback.stop(0);
        }
        if (stack != null) {
            stack.close();
            // the databases and Kafka's log are large and of no use afterwards; logs and mails stay for diagnosis
            deleteTree(stack.settings().dataDir().resolve("postgres"));
            deleteTree(stack.settings().dataDir().resolve("kafka"));
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    @Test
    void alertsOncePerMatchingStoryByWebhookAndEmailEvenAcrossANotifierRestart() throws Exception {
        try {
            runPipeline();
        } catch (AssertionError | RuntimeException e) {
            printServiceLogs();
            throw e;
        }
    }

    private void runPipeline() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        AdminApi api = new AdminApi(stack.adminToken());
        String classifier = stack.service("classifier").baseUrl();
        String notifier = stack.service("notifier").baseUrl();
        String fetch = stack.service("fetch").baseUrl();
        String base = "http://127.0.0.1:" + loopback.getAddress().getPort();

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
        feeds.put(feedPath, rss(run, List.of(
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
                .until(() -> webhookCalls.size() >= expected.size());
        Thread.sleep(QUIET.toMillis()); // no positive assertion waits on this: it gives duplicates time to show
        assertEquals(expected.size(), webhookCalls.size(), "webhook calls: " + webhookCalls);
        Map<String, String> titlesByUrl = new LinkedHashMap<>();
        for (WebhookCall call : webhookCalls) {
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
        assertEquals(expected.size(), webhookCalls.size(), "webhook calls after the restart: " + webhookCalls);
        assertEquals(expected.size(), webhookCalls.stream().map(WebhookCall::id).collect(Collectors.toSet()).size(),
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

    /** Standard Webhooks: {@code v1,<base64 HMAC-SHA256(base64-decoded secret, id.timestamp.body)>}, possibly several. */
    static boolean signatureValid(String secret, WebhookCall call) throws GeneralSecurityException {
        if (call.id() == null || call.timestamp() == null || call.signature() == null) {
            return false;
        }
        long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(call.timestamp()));
        if (age > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((call.id() + "." + call.timestamp() + "." + call.body()).getBytes(StandardCharsets.UTF_8)));
        Set<String> given = Set.of(call.signature().trim().split("\\s+"));
        return given.contains("v1," + expected);
    }

    private static byte[] rss(String run, List<String> items) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>E2E feed " + run + "</title><link>http://127.0.0.1/</link><description>end-to-end test</description>"
                + String.join("", items) + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    private static String item(String url, String title, String text, int minutesAgo) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().minusSeconds(60L * minutesAgo).atOffset(ZoneOffset.UTC));
        return "<item><title>" + title.replace("&", "&amp;") + "</title><link>" + url + "</link><guid>" + url + "</guid>"
                + "<pubDate>" + date + "</pubDate><description>" + text + "</description></item>";
    }

    private static void printServiceLogs() {
        for (String name : LocalStack.SERVICES) {
            ServiceProcess service = stack.service(name);
            System.err.println("==== last lines of " + service.logFile() + " ====");
            System.err.println(service.logTail(60));
        }
    }
}
