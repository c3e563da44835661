package io.alertwire.notifier.email;

import io.alertwire.notifier.delivery.AlertStory;
import io.alertwire.notifier.delivery.AlertTopic;
import io.alertwire.notifier.delivery.DeliveryTask;
import io.alertwire.notifier.delivery.SendOutcome;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** Sends one alert by email: an HTML and a plain-text part, subject {@code [Alertwire] <title>}. */
@ApplicationScoped
public class AlertMailer {

    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Mailer mailer;
    private final Template html;
    private final Template text;

    public AlertMailer(Mailer mailer, @Location("email/alert.html") Template html,
            @Location("email/alert.txt") Template text) {
        this.mailer = mailer;
        this.html = html;
        this.text = text;
    }

    public SendOutcome send(DeliveryTask task) {
        long start = System.nanoTime();
        AlertStory story = task.story();
        String title = story.title() == null || story.title().isBlank() ? story.url() : story.title();
        AlertMailModel model = new AlertMailModel(title, story.url(),
                story.sourceName() == null ? "" : story.sourceName(),
                story.publishedAt() == null ? "" : PUBLISHED.format(story.publishedAt()),
                story.snippet() == null ? "" : story.snippet(),
                task.topics().stream().map(AlertTopic::name).collect(Collectors.joining(", ")),
                story.alsoReportedBy());
        try {
            mailer.send(Mail.withHtml(MailHeaders.clean(task.emailAddress()),
                            "[Alertwire] " + MailHeaders.clean(title), html.data("m", model).render())
                    .setText(text.data("m", model).render()));
            return SendOutcome.sent(null, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? "the mail server did not take the message" : e.getMessage();
            return SendOutcome.failed(null, "SMTP: " + reason, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
