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
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every service correct at two replicas: one Kafka broker, one PostgreSQL and the SMTP sink, and
 * two instances of each service (same database, same consumer group, own HTTP port). Sources are
 * shared by the fetch instances through their leases in PostgreSQL, articles by the classifier
 * instances through the consumer group, deliveries by the notifier instances through the consumer
 * group and the delivery leases. Then one notifier is killed with SIGKILL while alerts are being
 * delivered, and the survivor has to deliver the rest: no alert lost, none duplicated.
 */
@Timeout(value = 7, unit = TimeUnit.MINUTES)
class ScaleOutEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PIPELINE = Duration.ofSeconds(90);
    /** After the expected calls arrived: long enough for a duplicate to show up (delivery tick 1 s, gather window 2 s). */
    private static final Duration QUIET = Duration.ofSeconds(8);
    /** The killed notifier's claimed deliveries come back after this (default 2 min). */
    private static final Duration NOTIFIER_LEASE = Duration.ofSeconds(15);
    private static final int FEEDS = 6;
    /** Per feed: matching and unrelated stories alternate. */
    private static final int ITEMS_PER_FEED = 4;

    private static LocalStack stack;
    private static LoopbackSite site;

    @BeforeAll
    static void startStack() throws IOException {
        stack = new LocalStack(TestStacks.onFreePorts("alertwire-scale-", "-XX:+UseSerialGC -Xmx384m -XX:TieredStopAtLevel=1")
                .withReplicas(2)
                .withServiceEnvironment(Map.of(
                        // a topic created on one classifier reaches the other's matcher within seconds, not 30 s
                        "ALERTWIRE_CLASSIFIER_TOPICS_RELOAD_INTERVAL", "2s",
                        // small claims at a quick tick, so that both fetch instances get some of the sources
                        "ALERTWIRE_FETCH_TICK", "1s",
                        "ALERTWIRE_FETCH_BATCH_SIZE", "2",
                        "ALERTWIRE_NOTIFIER_LEASE", NOTIFIER_LEASE.toSeconds() + "s",
                        // every client's kafka.* default: a killed consumer's partitions move after 10 s, not 45 s
                        "KAFKA_SESSION_TIMEOUT_MS", "10000")));
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
    void twoInstancesOfEachServiceAlertOncePerMatchingStoryEvenWhenANotifierIsKilled() throws Exception {
        try {
            runScenario();
        } catch (AssertionError | RuntimeException e) {
            TestStacks.printServiceLogs(stack);
            throw e;
        }
    }

    private void runScenario() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        AdminApi api = new AdminApi(stack.adminToken());
        List<ServiceProcess> fetchers = stack.instances("fetch");
        List<ServiceProcess> classifiers = stack.instances("classifier");
        List<ServiceProcess> notifiers = stack.instances("notifier");
        assertEquals(2, fetchers.size());
        assertEquals(2, classifiers.size());
        assertEquals(2, notifiers.size());
        String base = site.baseUrl();

        // a topic created on the first classifier; the second picks it up from the shared table
        JsonNode topic = api.post(classifiers.get(0).baseUrl() + "/api/topics", Map.of(
                "name", "Scale-out dialogue " + run,
                "query", "(pyongyang OR \"north korea\") (talks OR dialogue)")).requireSuccess("creating the topic").body();
        String topicId = topic.path("id").asText();
        assertFalse(topicId.isEmpty(), "topic has an id: " + topic);
        for (ServiceProcess classifier : classifiers) {
            await(classifier.name() + " matches with the new topic").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        AdminApi.Response r = api.post(classifier.baseUrl() + "/api/classify", Map.of(
                                "title", "Pyongyang agrees to talks", "text", "North Korea agreed to hold talks."));
                        return r.isSuccess() && AdminApi.items(r.body().path("matches")).stream()
                                .anyMatch(m -> topicId.equals(m.path("topicId").asText()));
                    });
        }

        // a webhook through the second notifier, a confirmed email subscription through the first
        JsonNode webhook = api.post(notifiers.get(1).baseUrl() + "/api/subscriptions", Map.of(
                "topics", List.of(topicId),
                "channel", Map.of("type", "webhook", "url", base + "/hooks/" + run),
                "mode", "instant")).requireSuccess("creating the webhook subscription").body();
        String secret = webhook.path("secret").asText();
        String reader = "reader-" + run + "@alertwire.test";
        JsonNode email = api.post(notifiers.get(0).baseUrl() + "/api/subscriptions", Map.of(
                "topics", List.of(topicId),
                "channel", Map.of("type", "email", "address", reader),
                "mode", "instant")).requireSuccess("creating the email subscription").body();
        String emailId = email.path("id").asText();
        ReceivedMail confirmation = stack.smtp().await(m -> m.recipient().equalsIgnoreCase(reader)
                && MailText.confirmLink(m.text()).isPresent(), Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("no confirmation mail with a /confirm?token= link for " + reader));
        AdminApi.Response confirmed = api.open(MailText.confirmLink(confirmation.text()).orElseThrow());
        assertTrue(confirmed.isSuccess(), "confirmation answered " + confirmed.status());
        for (ServiceProcess notifier : notifiers) {
            await("email subscription active on " + notifier.name()).atMost(Duration.ofSeconds(10)).until(() ->
                    "active".equals(api.get(notifier.baseUrl() + "/api/subscriptions/" + emailId).body().path("status").asText()));
        }

        // several feeds, added through either fetch instance
        Map<String, String> expected = new LinkedHashMap<>(); // url -> title of every matching story
        List<String> articleUrls = new ArrayList<>();
        for (int f = 1; f <= FEEDS; f++) {
            addFeed(api, fetchers.get(f % 2), base, run, "feed-" + f, ITEMS_PER_FEED, expected, articleUrls);
        }

        awaitAlerts(expected, secret, reader, webhook.path("id").asText());
        assertArticlesPublishedOnce(run, articleUrls);
        for (ServiceProcess fetcher : fetchers) {
            assertTrue(Files.readString(fetcher.logFile()).contains("Source fetched"),
                    fetcher.name() + " fetched some of the " + FEEDS + " sources");
        }

        // a notifier dies (SIGKILL) while alerts are being delivered: the other takes over its
        // claimed deliveries (after their lease) and its Kafka partition (after the session timeout)
        int before = expected.size();
        addFeed(api, fetchers.get(0), base, run, "feed-kill-1", ITEMS_PER_FEED, expected, articleUrls);
        await("the first alert of the new feed").atMost(PIPELINE).pollInterval(Duration.ofMillis(100))
                .until(() -> distinctStories(site.webhookCalls()).size() > before);
        Instant killed = Instant.now();
        notifiers.get(0).kill();
        addFeed(api, fetchers.get(1), base, run, "feed-kill-2", ITEMS_PER_FEED, expected, articleUrls);
        awaitAlerts(expected, secret, reader, webhook.path("id").asText());
        System.out.printf("scale-out: all %d alerts delivered %d s after the kill%n", expected.size(),
                Duration.between(killed, Instant.now()).toSeconds());
        assertArticlesPublishedOnce(run, articleUrls);
    }

    /** Forty words no other item has, so that every item is a report of its own. */
    private static String distinctWords() {
        StringBuilder words = new StringBuilder();
        for (int k = 0; k < 40; k++) {
            words.append("w").append(UUID.randomUUID().toString(), 0, 8).append(' ');
        }
        return words.toString().strip() + ".";
    }

    /** Serves a feed whose even items match the topic and adds it as a source through {@code fetch}. */
    private static void addFeed(AdminApi api, ServiceProcess fetch, String base, String run, String feed, int items,
            Map<String, String> expected, List<String> articleUrls) {
        List<String> xml = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            String url = base + "/articles/" + run + "/" + feed + "/story-" + i;
            articleUrls.add(url);
            if (i % 2 == 0) {
                String title = "Pyongyang agrees to talks on " + feed + " issue " + i;
                expected.put(url, title);
                // words of its own: items that differ only in a number would be one story (near duplicates)
                xml.add(item(url, title, "North Korea said it would hold talks with Seoul on the " + feed
                        + " matter number " + i + ", officials said. " + distinctWords(), 10 + i));
            } else {
                xml.add(item(url, "Seoul stocks close higher, " + feed + " session " + i,
                        "The benchmark index rose as chip exports reached a record in session " + i + ".", 10 + i));
            }
        }
        String path = "/feeds/" + run + "/" + feed + ".xml";
        site.serveFeed(path, rss(run + " " + feed, xml));
        api.post(fetch.baseUrl() + "/api/sources", Map.of("url", base + path, "name", "Scale-out " + run + " " + feed))
                .requireSuccess("adding source " + feed + " through " + fetch.name());
    }

    /**
     * Every matching story reaches the webhook and the mailbox, each exactly once, and nothing else does.
     * <p>
     * Across a crash the delivery guarantee is at least once on the wire: a notifier killed after a
     * send and before recording it leaves the delivery to be sent again when its lease ends. A webhook
     * call repeated with the same {@code webhook-id} is one alert to the receiver (it drops the repeat
     * by id), so calls are counted by id. A mail repeated the same way carries the same
     * {@code Message-ID} (the delivery id), which mail clients use to drop the repeat: a story may be
     * mailed twice only as such a re-send; two mails with different ids would be a real duplicate.
     * (Which mails went out before the kill cannot be told apart reliably: the sink may store a mail the
     * killed process finished sending a moment after the kill returned.)
     */
    private void awaitAlerts(Map<String, String> expected, String secret, String reader, String webhookSubscription)
            throws Exception {
        await(expected.size() + " webhook alerts").atMost(PIPELINE).pollInterval(Duration.ofMillis(500))
                .until(() -> distinctStories(site.webhookCalls()).size() >= expected.size());
        await(expected.size() + " alert mails").atMost(PIPELINE).pollInterval(Duration.ofMillis(500))
                .until(() -> expected.values().stream().allMatch(title -> alertMailsTo(reader).stream()
                        .anyMatch(m -> m.subject().contains(title))));
        Thread.sleep(QUIET.toMillis()); // no positive assertion waits on this: it gives duplicates time to show

        List<WebhookCall> calls = List.copyOf(site.webhookCalls());
        Map<String, String> titlesByUrl = new HashMap<>();
        Map<String, Set<String>> idsByUrl = new HashMap<>();
        for (WebhookCall call : calls) {
            assertTrue(signatureValid(secret, call), "valid Standard Webhooks signature on " + call);
            JsonNode body = JSON.readTree(call.body());
            assertEquals(webhookSubscription, body.path("subscriptionId").asText(), call.body());
            String url = body.path("story").path("url").asText();
            titlesByUrl.put(url, body.path("story").path("title").asText());
            idsByUrl.computeIfAbsent(url, u -> new java.util.HashSet<>()).add(call.id());
        }
        assertEquals(expected, titlesByUrl, "the webhook calls are the matching stories");
        idsByUrl.forEach((url, ids) -> assertEquals(1, ids.size(), "one alert (webhook-id) for " + url + ": " + ids));
        long resent = calls.size() - idsByUrl.size();
        if (resent > 0) {
            System.out.println("scale-out: " + resent + " webhook call(s) re-sent with the same webhook-id");
        }

        List<ReceivedMail> mails = alertMailsTo(reader);
        List<String> subjects = mails.stream().map(ReceivedMail::subject).toList();
        int resentMails = 0;
        for (String title : expected.values()) {
            List<ReceivedMail> naming = mails.stream().filter(mail -> mail.subject().contains(title)).toList();
            Set<String> ids = naming.stream().map(ScaleOutEndToEndIT::messageId).collect(Collectors.toSet());
            assertTrue(naming.size() == 1 || (naming.size() == 2 && ids.size() == 1), "one alert mail names \""
                    + title + "\" (a second only as a re-send with the same Message-ID): " + ids);
            resentMails += naming.size() - 1;
        }
        assertEquals(expected.size() + resentMails, mails.size(), "alert mails are the matching stories: " + subjects);
        if (resentMails > 0) {
            System.out.println("scale-out: " + resentMails + " mail(s) re-sent by the survivor with the same Message-ID");
        }
    }

    private static String messageId(ReceivedMail mail) {
        try {
            return mail.message().getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> distinctStories(List<WebhookCall> calls) {
        return calls.stream().map(call -> {
            try {
                return JSON.readTree(call.body()).path("story").path("url").asText();
            } catch (IOException e) {
                return call.body();
            }
        }).collect(Collectors.toSet());
    }

    private static List<ReceivedMail> alertMailsTo(String address) {
        return stack.smtp().received().stream()
                .filter(m -> m.recipient().equalsIgnoreCase(address) && MailText.confirmLink(m.text()).isEmpty())
                .toList();
    }

    /**
     * Reads {@code alertwire.articles.v1} from the beginning with a plain consumer: every article of
     * every source was published (each source was fetched), and none twice (the fetch instances never
     * fetched or relayed the same source's articles both).
     */
    private static void assertArticlesPublishedOnce(String run, List<String> articleUrls) throws IOException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.settings().kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<JsonNode> published = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor("alertwire.articles.v1", Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                assertTrue(Instant.now().isBefore(deadline), "read alertwire.articles.v1 to its end within 30 s");
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode article = JSON.readTree(record.value());
                    if (article.path("url").asText().contains("/articles/" + run + "/")) {
                        published.add(article);
                    }
                }
            }
        }
        Map<String, Long> perId = published.stream()
                .collect(Collectors.groupingBy(a -> a.path("articleId").asText(), Collectors.counting()));
        perId.forEach((id, count) -> assertEquals(1L, count, "article " + id + " published once"));
        assertEquals(Set.copyOf(articleUrls), published.stream().map(a -> a.path("url").asText()).collect(Collectors.toSet()),
                "every article of every source was published");
    }

}
