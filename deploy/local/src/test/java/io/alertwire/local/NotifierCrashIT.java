package io.alertwire.local;

import static io.alertwire.local.LoopbackSite.signatureValid;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertwire.events.EventJson;
import io.alertwire.events.EventTopics;
import io.alertwire.events.MatchEvent;
import io.alertwire.local.LoopbackSite.WebhookCall;
import io.alertwire.local.SmtpSink.ReceivedMail;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One alert per (subscription, story) when the notifier dies at the worst moments. The packaged
 * notifier runs as a real process with {@code ALERTWIRE_NOTIFIER_TEST_CRASH_AT} set (the
 * fault-injection seam, off unless configured), gets a match for a webhook and a confirmed email
 * subscription, and halts at that point; it is started again without the seam, and the receivers'
 * calls and mails are counted.
 *
 * <p>What each point must give (see the notifier's {@code io.alertwire.notifier.fault}):
 * {@code after-db-write} nothing before the crash and exactly one webhook call and one mail after
 * it (the replayed match creates nothing); {@code after-send} and {@code before-commit} the alert
 * before the crash and exactly one re-send after it, carrying the same {@code webhook-id} and the
 * same {@code Message-ID}, so the receiver sees one alert.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class NotifierCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PIPELINE = Duration.ofSeconds(60);
    /** The notifier's lease: a crashed send is re-sent after it (default 2 min). */
    private static final Duration LEASE = Duration.ofSeconds(5);
    /** After the expected alerts arrived: long enough for a further duplicate to show (lease + tick + gather). */
    private static final Duration QUIET = Duration.ofSeconds(9);

    private static NotifierStack stack;
    private static LoopbackSite site;
    private static AdminApi api;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void startStack() throws IOException {
        stack = NotifierStack.start(Files.createTempDirectory("alertwire-crash-"),
                "-XX:+UseSerialGC -Xmx384m -XX:TieredStopAtLevel=1", Map.of(
                        "ALERTWIRE_NOTIFIER_LEASE", LEASE.toSeconds() + "s",
                        "ALERTWIRE_NOTIFIER_GATHER_WINDOW", "1s",
                        "ALERTWIRE_NOTIFIER_CONFIRMATION_TICK", "1s",
                        // the dead process's partitions move to the restarted one after 6 s, not 45 s
                        "KAFKA_SESSION_TIMEOUT_MS", "6000"));
        site = LoopbackSite.start();
        api = new AdminApi(stack.adminToken());
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(config);
    }

    @AfterAll
    static void stopStack() {
        if (producer != null) {
            producer.close();
        }
        if (site != null) {
            site.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @ParameterizedTest(name = "crash {0}")
    @CsvSource({"after-db-write, 0", "after-send, 1", "before-commit, 1"})
    void deliversOneAlertPerSubscriptionAndStoryWhenTheNotifierDiesAt(String point, int resends) throws Exception {
        try {
            crashAndRecover(point, resends);
        } catch (AssertionError | RuntimeException e) {
            System.err.println("==== last lines of " + stack.notifier().logFile() + " ====");
            System.err.println(stack.notifier().logTail(80));
            throw e;
        }
    }

    private void crashAndRecover(String point, int resends) throws Exception {
        String run = point + "-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = "crash-" + run;
        ServiceProcess armed = stack.startNotifier(Map.of("ALERTWIRE_NOTIFIER_TEST_CRASH_AT", point));
        String base = armed.baseUrl();

        JsonNode webhook = api.post(base + "/api/subscriptions", Map.of("topics", List.of(topic),
                "channel", Map.of("type", "webhook", "url", site.baseUrl() + "/hooks/" + run),
                "mode", "instant")).requireSuccess("creating the webhook subscription").body();
        String reader = "reader-" + run + "@alertwire.test";
        String email = api.post(base + "/api/subscriptions", Map.of("topics", List.of(topic),
                "channel", Map.of("type", "email", "address", reader), "mode", "instant"))
                .requireSuccess("creating the email subscription").body().path("id").asText();
        ReceivedMail confirmation = stack.smtp().await(m -> m.recipient().equalsIgnoreCase(reader)
                && MailText.confirmLink(m.text()).isPresent(), PIPELINE)
                .orElseThrow(() -> new AssertionError("no confirmation mail for " + reader));
        assertTrue(api.open(MailText.confirmLink(confirmation.text()).orElseThrow()).isSuccess(), "confirmed");
        await("email subscription active").atMost(Duration.ofSeconds(10)).until(() ->
                "active".equals(api.get(base + "/api/subscriptions/" + email).body().path("status").asText()));

        MatchEvent match = match(run, topic);
        producer.send(new ProducerRecord<>(EventTopics.MATCHES, match.storyId(), EventJson.write(match))).get();
        assertEquals(86, armed.awaitExit(PIPELINE), "the notifier halted at " + point);
        String crashedLog = Files.readString(armed.logFile());
        assertTrue(crashedLog.contains("halting at crash point " + point), "halted where asked");
        int sentBeforeCrash = resends;
        assertEquals(sentBeforeCrash, callsOf(run).size(), "webhook calls before the crash");
        assertEquals(sentBeforeCrash, alertMailsTo(reader).size(), "alert mails before the crash");
        // the log says "sent" only for a committed send: none of these was
        assertFalse(crashedLog.lines().anyMatch(l -> l.contains("Delivery ") && l.contains(" sent (story " + match.storyId())),
                "no 'Delivery ... sent' line for an alert whose record was not committed");

        Instant restarted = Instant.now();
        stack.startNotifier(Map.of());
        await("the alert by webhook and by mail after the restart").atMost(PIPELINE).pollInterval(Duration.ofMillis(200))
                .until(() -> callsOf(run).size() > sentBeforeCrash && alertMailsTo(reader).size() > sentBeforeCrash);
        System.out.printf("crash %s: alerts delivered %d ms after the restart began%n", point,
                Duration.between(restarted, Instant.now()).toMillis());
        Thread.sleep(QUIET.toMillis()); // no positive assertion waits on this: it gives duplicates time to show

        List<WebhookCall> calls = callsOf(run);
        assertEquals(1 + resends, calls.size(), "webhook calls: the alert" + (resends > 0 ? " and its re-send" : ""));
        assertEquals(1, calls.stream().map(WebhookCall::id).distinct().count(),
                "every call carries the same webhook-id, by which the receiver drops the repeat: " + calls);
        for (WebhookCall call : calls) {
            assertTrue(signatureValid(webhook.path("secret").asText(), call), "signed: " + call);
            assertEquals(match.storyId(), JSON.readTree(call.body()).path("story").path("id").asText());
        }
        List<ReceivedMail> mails = alertMailsTo(reader);
        assertEquals(1 + resends, mails.size(), "alert mails: the alert" + (resends > 0 ? " and its re-send" : ""));
        Set<String> messageIds = mails.stream().map(NotifierCrashIT::messageId).collect(Collectors.toSet());
        assertEquals(1, messageIds.size(), "every mail carries the same Message-ID: " + messageIds);

        // the delivery log: sent, with only the attempt after the restart recorded
        String webhookId = webhook.path("id").asText();
        JsonNode deliveries = api.get(stack.notifier().baseUrl() + "/api/subscriptions/" + webhookId + "/deliveries").body();
        List<JsonNode> rows = AdminApi.items(deliveries);
        assertEquals(1, rows.size(), "one delivery for the story: " + deliveries);
        assertEquals("sent", rows.get(0).path("status").asText(), deliveries.toString());
        assertEquals(calls.get(0).id(), rows.get(0).path("id").asText(), "webhook-id is the delivery id");
        String restartedLog = Files.readString(stack.notifier().logFile()).substring(crashedLog.length());
        assertTrue(restartedLog.contains("Delivery " + calls.get(0).id() + " sent"), "logged as sent once committed");
        if (point.equals("after-db-write")) {
            assertTrue(restartedLog.contains("Match " + match.matchId() + " (story " + match.storyId() + ", topic " + topic
                    + "): 0 deliveries created"), "the match was read again (its offset was not committed) and created nothing");
        }
    }

    private static MatchEvent match(String run, String topic) {
        String story = "story-" + run;
        return new MatchEvent("match-" + run, "article-" + run, story, topic, "Crash " + run, 0.9, List.of("talks"),
                "Talks resume after " + run, "https://news.example/" + run, "Example News", "en", Instant.now(),
                "Seoul and Pyongyang agreed to resume talks.", 0, List.of());
    }

    private static List<WebhookCall> callsOf(String run) {
        return site.webhookCalls().stream().filter(c -> c.body().contains("\"" + "story-" + run + "\"")).toList();
    }

    private static List<ReceivedMail> alertMailsTo(String address) {
        return stack.smtp().received().stream()
                .filter(m -> m.recipient().equalsIgnoreCase(address) && MailText.confirmLink(m.text()).isEmpty())
                .toList();
    }

    private static String messageId(ReceivedMail mail) {
        try {
            return mail.message().getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
