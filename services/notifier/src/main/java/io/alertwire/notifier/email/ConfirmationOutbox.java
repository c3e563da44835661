package io.alertwire.notifier.email;

import io.alertwire.notifier.subscription.Subscription;
import io.alertwire.notifier.subscription.SubscriptionRepository;
import io.alertwire.notifier.subscription.SubscriptionService;
import io.alertwire.notifier.token.SignedTokens;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends the double-opt-in mail of email subscriptions. The subscription row is the outbox: a
 * pending one with no {@code confirmation_sent_at} still needs its mail, so a crash before the
 * send loses nothing.
 *
 * <p>In one transaction the row is locked, the send time stamped and the mail sent; a failed send
 * rolls it back and the next tick tries again. The link carries a signed token (nothing stored),
 * so a crash after the SMTP server took the mail but before the commit sends a second mail whose
 * link works as well as the first.
 */
@ApplicationScoped
@Transactional
public class ConfirmationOutbox {

    private static final Logger LOG = Logger.getLogger(ConfirmationOutbox.class);

    private final SubscriptionRepository subscriptions;
    private final MailSender mailer;
    private final SignedTokens tokens;
    private final Template html;
    private final Template text;
    private final EmailConfig config;

    public ConfirmationOutbox(SubscriptionRepository subscriptions, MailSender mailer, SignedTokens tokens,
            @Location("email/confirmation.html") Template html, @Location("email/confirmation.txt") Template text,
            EmailConfig config) {
        this.subscriptions = subscriptions;
        this.mailer = mailer;
        this.tokens = tokens;
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
        s.confirmationSent(Instant.now());
        String link = PublicUrl.of(config) + "/confirm?token=" + tokens.confirmation(s.getId());
        String topics = String.join(", ", s.getTopics());
        mailer.send(s.getEmailAddress(), "[Alertwire] Confirm your subscription",
                html.data("link", link).data("topics", topics).render(),
                text.data("link", link).data("topics", topics).render(), Map.of());
        LOG.infof("Subscription %s: confirmation mail sent to %s", s.getId(),
                SubscriptionService.maskEmail(s.getEmailAddress()));
        return true;
    }
}
