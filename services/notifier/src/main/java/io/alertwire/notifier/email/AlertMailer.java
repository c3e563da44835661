package io.alertwire.notifier.email;

import io.alertwire.notifier.delivery.AlertStory;
import io.alertwire.notifier.delivery.AlertTopic;
import io.alertwire.notifier.delivery.DeliveryTask;
import io.alertwire.notifier.delivery.SendOutcome;
import io.alertwire.notifier.token.SignedTokens;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends one alert by email: an HTML and a plain-text part, subject {@code [Alertwire] <title>},
 * and the RFC 8058 one-click unsubscribe headers with a fresh signed token (also shown as a link
 * in both parts).
 */
@ApplicationScoped
public class AlertMailer {

    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final MailSender sender;
    private final SignedTokens tokens;
    private final EmailConfig config;
    private final Template html;
    private final Template text;

    public AlertMailer(MailSender sender, SignedTokens tokens, EmailConfig config,
            @Location("email/alert.html") Template html, @Location("email/alert.txt") Template text) {
        this.sender = sender;
        this.tokens = tokens;
        this.config = config;
        this.html = html;
        this.text = text;
    }

    public SendOutcome send(DeliveryTask task) {
        long start = System.nanoTime();
        AlertStory story = task.story();
        String title = story.title() == null || story.title().isBlank() ? story.url() : story.title();
        UnsubscribeLink unsubscribe = UnsubscribeLink.of(tokens, config, task.subscriptionId());
        AlertMailModel model = new AlertMailModel(title, story.url(),
                story.sourceName() == null ? "" : story.sourceName(),
                story.publishedAt() == null ? "" : PUBLISHED.format(story.publishedAt()),
                story.snippet() == null ? "" : story.snippet(),
                task.topics().stream().map(AlertTopic::name).collect(Collectors.joining(", ")),
                story.alsoReportedBy(), unsubscribe.url());
        try {
            Map<String, String> headers = new LinkedHashMap<>(unsubscribe.headers());
            headers.put("Message-ID", sender.messageId(task.deliveryId()));
            sender.send(task.emailAddress(), "[Alertwire] " + title, html.data("m", model).render(),
                    text.data("m", model).render(), headers);
            return SendOutcome.sent(null, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? "the mail server did not take the message" : e.getMessage();
            return SendOutcome.failed(null, "SMTP: " + reason, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
