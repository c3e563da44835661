package io.alertwire.notifier.email;

import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends a mail with an HTML and a plain-text part through the configured SMTP server.
 *
 * <p>It builds the Vert.x message itself instead of going through Quarkus' {@code Mailer}: that
 * one always passes a (possibly empty) Cc list on, and Vert.x then writes an empty {@code Cc:}
 * header, which some filters count against a message. Here Cc stays unset, so there is none.
 */
@ApplicationScoped
public class MailSender {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final MailClient client;
    private final String from;

    public MailSender(MailClient client, @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.client = client;
        this.from = from;
    }

    /**
     * A {@code Message-ID} made from a stable id (a delivery's, a digest's), so that a mail sent again
     * after a crash carries the same id as the first and mail clients can tell it is the same
     * message, as {@code webhook-id} does for webhooks.
     */
    public String messageId(Object stableId) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "alertwire.local" : from.substring(at + 1).replace(">", "").trim();
        return "<" + stableId + "@" + domain + ">";
    }

    /**
     * Sends one mail and waits for the server to take it; throws when it does not.
     *
     * @param headers extra headers; their values must already be free of line breaks
     */
    public void send(String to, String subject, String html, String text, Map<String, String> headers) {
        MailMessage message = new MailMessage()
                .setFrom(from)
                .setTo(MailHeaders.clean(to))
                .setSubject(MailHeaders.clean(subject))
                .setHtml(html)
                .setText(text);
        if (!headers.isEmpty()) {
            MultiMap extra = MultiMap.caseInsensitiveMultiMap();
            headers.forEach((name, value) -> extra.add(name, MailHeaders.clean(value)));
            message.setHeaders(extra);
        }
        client.sendMail(message).await().atMost(TIMEOUT);
    }
}
