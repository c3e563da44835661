package io.alertwire.notifier.email;

import io.alertwire.notifier.delivery.AlertStory;
import io.alertwire.notifier.delivery.AlertTopic;
import io.alertwire.notifier.delivery.DigestTask;
import io.alertwire.notifier.delivery.SendOutcome;
import io.alertwire.notifier.token.SignedTokens;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one digest by email: every story of the digest, grouped by topic, in an HTML and a
 * plain-text part; subject {@code [Alertwire] Daily digest: 5 stories on <topic>}; the same
 * unsubscribe link and headers as an alert mail.
 */
@ApplicationScoped
public class DigestMailer {

    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z",
            Locale.ENGLISH);

    private final MailSender sender;
    private final SignedTokens tokens;
    private final EmailConfig config;
    private final Template html;
    private final Template text;

    public DigestMailer(MailSender sender, SignedTokens tokens, EmailConfig config,
            @Location("email/digest.html") Template html, @Location("email/digest.txt") Template text) {
        this.sender = sender;
        this.tokens = tokens;
        this.config = config;
        this.html = html;
        this.text = text;
    }

    public SendOutcome send(DigestTask digest) {
        long start = System.nanoTime();
        UnsubscribeLink unsubscribe = UnsubscribeLink.of(tokens, config, digest.subscriptionId());
        ZoneId zone = ZoneId.of(digest.timezone() == null ? "UTC" : digest.timezone());
        List<DigestMailModel.Topic> topics = byTopic(digest, zone);
        String heading = heading(digest.mode(), digest.entries().size(),
                topics.stream().map(DigestMailModel.Topic::name).toList());
        DigestMailModel model = new DigestMailModel(heading, zone.getId(), topics, unsubscribe.url());
        try {
            Map<String, String> headers = new LinkedHashMap<>(unsubscribe.headers());
            headers.put("Message-ID", sender.messageId(digest.digestId()));
            sender.send(digest.emailAddress(), "[Alertwire] " + heading, html.data("m", model).render(),
                    text.data("m", model).render(), headers);
            return SendOutcome.sent(null, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? "the mail server did not take the message" : e.getMessage();
            return SendOutcome.failed(null, "SMTP: " + reason, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** E.g. {@code Daily digest: 5 stories on Inter-Korean dialogue and Sanctions}. */
    static String heading(String mode, int stories, List<String> topics) {
        // an instant subscription's digest holds the alerts its rate limit held back in one window
        String kind = switch (mode) {
            case "hourly" -> "Hourly digest";
            case "instant" -> "Catch-up digest";
            default -> "Daily digest";
        };
        String on = topics.size() <= 2 ? String.join(" and ", topics)
                : topics.get(0) + ", " + topics.get(1) + " and " + (topics.size() - 2) + " more "
                        + (topics.size() == 3 ? "topic" : "topics");
        return kind + ": " + stories + (stories == 1 ? " story" : " stories") + " on " + on;
    }

    /** Topics in the order their first story came, each with its stories in the order they came. */
    private static List<DigestMailModel.Topic> byTopic(DigestTask digest, ZoneId zone) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<DigestMailModel.Story>> stories = new LinkedHashMap<>();
        for (DigestTask.Entry entry : digest.entries()) {
            DigestMailModel.Story story = story(entry.story(), zone);
            for (AlertTopic topic : entry.topics()) {
                names.putIfAbsent(topic.id(), topic.name() == null || topic.name().isBlank() ? topic.id()
                        : topic.name());
                stories.computeIfAbsent(topic.id(), id -> new ArrayList<>()).add(story);
            }
        }
        return stories.entrySet().stream()
                .map(e -> new DigestMailModel.Topic(names.get(e.getKey()), List.copyOf(e.getValue()))).toList();
    }

    private static DigestMailModel.Story story(AlertStory story, ZoneId zone) {
        String title = story.title() == null || story.title().isBlank() ? story.url() : story.title();
        return new DigestMailModel.Story(title, story.url(), story.sourceName() == null ? "" : story.sourceName(),
                story.publishedAt() == null ? "" : PUBLISHED.format(story.publishedAt().atZone(zone)),
                story.snippet() == null ? "" : story.snippet(), story.alsoReportedBy());
    }
}
