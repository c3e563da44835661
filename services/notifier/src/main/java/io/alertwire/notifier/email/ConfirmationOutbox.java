package io.alertwire.notifier.email;

import io.alertwire.notifier.confirm.ConfirmationToken;
import io.alertwire.notifier.subscription.Subscription;
import io.alertwire.notifier.subscription.SubscriptionRepository;
import io.alertwire.notifier.subscription.SubscriptionService;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends the double-opt-in mail of email subscriptions. The subscription row is the outbox: a
 * pending one with no {@code confirmation_sent_at} still needs its mail, so a crash before the
 * send loses nothing.
 *
 * <p>Only the token's hash is stored, so the token is made when the mail is sent: in one
 * transaction the row is locked, the new hash and the send time stamped, the mail sent; a failed
 * send rolls all of it back and the next tick tries again. A crash after the SMTP server took the
 * mail but before the commit sends a second mail whose link replaces the first.
 */
@ApplicationScoped
@Transactional
public class ConfirmationOutbox {

    private static final Logger LOG = Logger.getLogger(ConfirmationOutbox.class);

    private final SubscriptionRepository subscriptions;
    private final Mailer mailer;
    private final Template html;
    private final Template text;
    private final EmailConfig config;

    public ConfirmationOutbox(SubscriptionRepository subscriptions, Mailer mailer,
            @Location("email/confirmation.html") Template html, @Location("email/confirmation.txt") Template text,
            EmailConfig config) {
        this.subscriptions = subscriptions;
        this.mailer = mailer;
        this.html = html;
        this.text = text;
        this.config = config;
    }

    /** Subscriptions waiting for their confirmation mail, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> waiting(int limit) {
        return subscriptions.listUnconfirmedIds(limit);
    }

    /**
     * Sends the confirmation mail of one subscription, unless it has been sent meanwhile.
     *
     * @return whether a mail was sent
     */
    public boolean send(UUID id) {
        Optional<Subscription> next = subscriptions.lockUnconfirmed(id);
        if (next.isEmpty()) {
            return false;
        }
        Subscription s = next.get();
        String token = ConfirmationToken.generate();
        s.confirmationSent(ConfirmationToken.hash(token), Instant.now());
        String link = stripSlash(config.publicUrl()) + "/confirm?token=" + token;
        mailer.send(Mail.withHtml(s.getEmailAddress(), "[Alertwire] Confirm your subscription",
                        html.data("link", link).data("topics", String.join(", ", s.getTopics())).render())
                .setText(text.data("link", link).data("topics", String.join(", ", s.getTopics())).render()));
        LOG.infof("Subscription %s: confirmation mail sent to %s", s.getId(),
                SubscriptionService.maskEmail(s.getEmailAddress()));
        return true;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
