package io.alertwire.notifier.email;

import io.alertwire.notifier.subscription.Subscription;
import io.alertwire.notifier.subscription.SubscriptionRepository;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Tells the owner of a subscription that the notifier disabled it (its endpoint kept failing, or
 * answered 410): one mail to the subscription's {@code contactEmail}, else to the operator's
 * address, else only a WARN line. The subscription row is the outbox ({@code owner_notice_due},
 * set in the transaction that disabled it): the row is locked, the mail sent and the flag cleared
 * in one transaction, so a failed send is tried again on the next tick, and only a crash between
 * the SMTP server's acceptance and the commit can send it twice.
 */
@ApplicationScoped
@Transactional
public class DisabledNotice {

    private static final Logger LOG = Logger.getLogger(DisabledNotice.class);

    private final SubscriptionRepository subscriptions;
    private final MailSender mailer;
    private final EmailConfig config;
    private final Template html;
    private final Template text;

    public DisabledNotice(SubscriptionRepository subscriptions, MailSender mailer, EmailConfig config,
            @Location("email/disabled.html") Template html, @Location("email/disabled.txt") Template text) {
        this.subscriptions = subscriptions;
        this.mailer = mailer;
        this.config = config;
        this.html = html;
        this.text = text;
    }

    /** Subscriptions whose owner still needs telling. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> waiting(int limit) {
        return subscriptions.listOwnerNoticeDue(limit);
    }

    /** Tells the owner of one subscription, unless that has happened meanwhile. */
    public void send(UUID id) {
        Optional<Subscription> due = subscriptions.lockOwnerNoticeDue(id);
        if (due.isEmpty()) {
            return;
        }
        Subscription s = due.get();
        s.ownerNoticeDone();
        String to = s.getContactEmail() != null ? s.getContactEmail()
                : config.operatorEmail().filter(a -> !a.isBlank()).orElse(null);
        if (to == null) {
            LOG.warnf("Subscription %s was disabled and nobody can be told: it has no contactEmail and "
                    + "ALERTWIRE_NOTIFIER_OPERATOR_EMAIL is not set", id);
            return;
        }
        String target = Subscription.WEBHOOK.equals(s.getChannelType()) ? s.getWebhookUrl() : s.getEmailAddress();
        Map<String, Object> model = Map.of("id", s.getId().toString(), "channel", s.getChannelType(),
                "target", target, "topics", String.join(", ", s.getTopics()),
                "reason", s.getStatusReason() == null ? "" : s.getStatusReason());
        mailer.send(to, "[Alertwire] Subscription disabled: " + target, render(html, model), render(text, model),
                Map.of("Message-ID", mailer.messageId("disabled-" + s.getId())));
        LOG.infof("Subscription %s: its owner was told that it is disabled (%s)", id,
                s.getContactEmail() != null ? "contact address" : "operator address");
    }

    private static String render(Template template, Map<String, Object> model) {
        var instance = template.instance();
        model.forEach(instance::data);
        return instance.render();
    }
}
