package io.alertwire.local;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code --demo} adds to the stack, once: a webhook subscription to the demo receiver and an
 * email subscription for {@value #DEMO_ADDRESS} to the {@value #TOPIC} topic — the email confirmed
 * the way a user would, by opening the link of the confirmation mail — and then the demo feeds as
 * sources. Later runs find what exists and skip it.
 */
public final class DemoSetup {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);
    public static final String TOPIC = "inter-korean-dialogue";
    public static final String DEMO_ADDRESS = "demo@alertwire.local";

    private final AdminApi api;
    private final String fetchUrl;
    private final String notifierUrl;
    private final String classifierUrl;
    private final DemoFeedServer demo;
    private final SmtpSink smtp;

    public DemoSetup(AdminApi api, String fetchUrl, String classifierUrl, String notifierUrl, DemoFeedServer demo,
            SmtpSink smtp) {
        this.api = api;
        this.fetchUrl = fetchUrl;
        this.classifierUrl = classifierUrl;
        this.notifierUrl = notifierUrl;
        this.demo = demo;
        this.smtp = smtp;
    }

    public void run() {
        AdminApi.Response topic = api.get(classifierUrl + "/api/topics/" + TOPIC);
        if (!topic.isSuccess()) {
            // the classifier creates its topic pack at first start; without it the demo runs but alerts nothing
            LOG.warn("the classifier has no topic {} (HTTP {}): demo alerts will flow only once it exists", TOPIC, topic.status());
        }
        List<JsonNode> subscriptions = allItems(notifierUrl + "/api/subscriptions");
        if (subscriptions.stream().noneMatch(s -> demo.webhookUrl().equals(s.path("channel").path("url").asText()))) {
            JsonNode created = api.post(notifierUrl + "/api/subscriptions", subscription(
                    Map.of("type", "webhook", "url", demo.webhookUrl()))).requireSuccess("creating the demo webhook subscription").body();
            saveWebhookSecret(created.path("secret").asText(""));
            LOG.info("demo webhook subscription {} created", created.path("id").asText());
        }
        Optional<JsonNode> email = subscriptions.stream()
                .filter(s -> DEMO_ADDRESS.equalsIgnoreCase(s.path("channel").path("address").asText()))
                .findFirst();
        if (email.isEmpty()) {
            JsonNode created = api.post(notifierUrl + "/api/subscriptions", subscription(
                    Map.of("type", "email", "address", DEMO_ADDRESS))).requireSuccess("creating the demo email subscription").body();
            LOG.info("demo email subscription {} created ({})", created.path("id").asText(), created.path("status").asText());
            email = Optional.of(created);
        }
        if ("pending".equalsIgnoreCase(email.get().path("status").asText())) {
            confirm(email.get().path("id").asText());
        }
        Set<String> sourceUrls = new HashSet<>();
        allItems(fetchUrl + "/api/sources").forEach(s -> sourceUrls.add(s.path("url").asText()));
        for (DemoFeedServer.DemoFeed feed : DemoFeedServer.FEEDS) {
            if (!sourceUrls.contains(demo.feedUrl(feed))) {
                AdminApi.Response response = api.post(fetchUrl + "/api/sources", Map.of("url", demo.feedUrl(feed), "name", feed.name()));
                if (response.status() != 409) {
                    response.requireSuccess("adding demo source " + demo.feedUrl(feed));
                    LOG.info("demo source added: {}", demo.feedUrl(feed));
                }
            }
        }
    }

    private static Map<String, Object> subscription(Map<String, String> channel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topics", List.of(TOPIC));
        body.put("channel", channel);
        body.put("mode", "instant");
        return body;
    }

    /** Opens the newest confirmation link sent to the demo address: from this run's mail, else from saved .eml files. */
    private void confirm(String subscriptionId) {
        Optional<String> link = smtp.await(m -> DEMO_ADDRESS.equalsIgnoreCase(m.recipient())
                        && MailText.confirmLink(m.text()).isPresent(), Duration.ofSeconds(60))
                .flatMap(m -> MailText.confirmLink(m.text()))
                .or(this::confirmLinkFromSavedMail);
        if (link.isEmpty()) {
            LOG.warn("no confirmation mail for the demo address arrived: subscription {} stays pending", subscriptionId);
            return;
        }
        AdminApi.Response response = api.open(link.get());
        if (response.isSuccess()) {
            LOG.info("demo email subscription {} confirmed through its confirmation link", subscriptionId);
        } else {
            LOG.warn("confirmation link answered HTTP {}: subscription {} stays pending", response.status(), subscriptionId);
        }
    }

    private Optional<String> confirmLinkFromSavedMail() {
        try (Stream<Path> files = Files.list(smtp.mailDir())) {
            return files.filter(f -> f.getFileName().toString().endsWith(DEMO_ADDRESS + ".eml"))
                    .sorted(Comparator.comparing(Path::getFileName).reversed())
                    .map(DemoSetup::confirmLinkIn)
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> confirmLinkIn(Path eml) {
        try {
            return MailText.confirmLink(MailText.of(MailText.read(eml)));
        } catch (IOException | MessagingException e) {
            return Optional.empty();
        }
    }

    private void saveWebhookSecret(String secret) {
        if (secret.isEmpty()) {
            return;
        }
        try {
            // kept for whoever wants to check the demo calls' signatures; never logged
            Files.writeString(demo.webhooksDir().resolve("signing-secret.txt"), secret + "\n");
        } catch (IOException e) {
            LOG.warn("could not save the demo webhook secret: {}", e.toString());
        }
    }

    /** Every item of a paged list ({@code ?page=&size=}), bounded. */
    private List<JsonNode> allItems(String url) {
        List<JsonNode> all = new ArrayList<>();
        int size = 100;
        for (int page = 0; page < 50; page++) {
            List<JsonNode> items = AdminApi.items(api.get(url + "?page=" + page + "&size=" + size).requireSuccess("listing " + url).body());
            all.addAll(items);
            if (items.size() < size) {
                break;
            }
        }
        return all;
    }
}
