package io.alertwire.notifier.subscription;

import io.alertwire.notifier.digest.DigestClock;
import io.alertwire.notifier.problem.ProblemException;
import io.alertwire.notifier.webhook.WebhookConfig;
import io.alertwire.notifier.webhook.WebhookSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Everything that happens to a subscription after its creation: changes by an admin (pause,
 * resume, new filters, deletion), confirmation and unsubscription by the recipient, and disabling
 * by the notifier. Only an {@code active} subscription gets new deliveries; the worker skips the
 * pending deliveries of one that is not active any more.
 *
 * <pre>
 * pending ──confirm──► active ◄──resume── paused
 *    │                  │ ▲ └───pause────►  │
 *    │                  │ └─resume─ disabled (webhook answered 410, or the endpoint failed for days)
 *    └──────────────────┴──unsubscribe link──► unsubscribed (final)
 * </pre>
 */
@ApplicationScoped
@Transactional
public class SubscriptionLifecycle {

    private static final Logger LOG = Logger.getLogger(SubscriptionLifecycle.class);

    private final SubscriptionRepository subscriptions;
    private final SubscriptionService service;
    private final WebhookConfig webhooks;
    private final DigestClock clock;

    public SubscriptionLifecycle(SubscriptionRepository subscriptions, SubscriptionService service,
            WebhookConfig webhooks, DigestClock clock) {
        this.subscriptions = subscriptions;
        this.service = service;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** Applies an admin's changes; all or none. */
    public SubscriptionResponse patch(UUID id, SubscriptionPatch patch) {
        Subscription s = service.require(id);
        if (patch.status() != null && !patch.status().equals(s.getStatus())) {
            refuseStatusChange(s, patch.status());
            s.changeStatus(patch.status(), null);
            LOG.infof("Subscription %s %s", id, Subscription.PAUSED.equals(patch.status()) ? "paused" : "resumed");
        }
        if (patch.topics() != null) {
            s.setTopics(SubscriptionService.slugs(patch.topics()));
        }
        if (patch.mode() != null || patch.digestAt() != null || patch.timezone() != null) {
            // what is left out is kept; deliveries already waiting for a digest keep their time
            SubscriptionService.Schedule schedule = SubscriptionService.Schedule.of(
                    patch.mode() == null ? s.getMode() : patch.mode(),
                    patch.digestAt() == null ? (s.getDigestAt() == null ? null : s.getDigestAt().toString())
                            : patch.digestAt(),
                    patch.timezone() == null ? s.getTimezone() : patch.timezone());
            s.setSchedule(schedule.mode(), schedule.digestAt(), schedule.timezone());
        }
        if (patch.contactEmail() != null) {
            s.setContactEmail(patch.contactEmail().isBlank() ? null : patch.contactEmail().strip());
        }
        if (patch.minScore() != null) {
            s.setMinScore(patch.minScore());
        }
        if (patch.languages() != null) {
            s.setLanguages(SubscriptionService.languages(patch.languages()));
        }
        return SubscriptionResponse.of(s);
    }

    /** Deletes a subscription; its deliveries and their log go with it, so none still pending is sent. */
    public void delete(UUID id) {
        subscriptions.delete(service.require(id));
        LOG.infof("Subscription %s deleted", id);
    }

    /**
     * Activates a subscription whose address just confirmed.
     *
     * @return false when there is no such subscription or it is not pending (already confirmed,
     *     paused, unsubscribed): an old link changes nothing
     */
    public boolean confirm(UUID id) {
        return subscriptions.findByIdOptional(id).filter(Subscription::isPending).map(s -> {
            s.changeStatus(Subscription.ACTIVE, null);
            LOG.infof("Subscription %s confirmed", id);
            return true;
        }).orElse(false);
    }

    /**
     * Unsubscribes at the recipient's request (RFC 8058 one-click or the page's button).
     *
     * @return false when there is no such subscription any more
     */
    public boolean unsubscribe(UUID id) {
        return subscriptions.findByIdOptional(id).map(s -> {
            if (!Subscription.UNSUBSCRIBED.equals(s.getStatus())) {
                s.changeStatus(Subscription.UNSUBSCRIBED, "the recipient unsubscribed");
                LOG.infof("Subscription %s unsubscribed by its recipient", id);
            }
            return true;
        }).orElse(false);
    }

    /** Whether a subscription exists and has been unsubscribed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isUnsubscribed(UUID id) {
        return subscriptions.findByIdOptional(id).map(s -> Subscription.UNSUBSCRIBED.equals(s.getStatus()))
                .orElse(false);
    }

    /**
     * Stops an active subscription on the notifier's own account; the reason shows in the API, and
     * the owner is told by mail.
     */
    public void disable(UUID id, String reason) {
        subscriptions.findByIdOptional(id).filter(s -> Subscription.ACTIVE.equals(s.getStatus())).ifPresent(s -> {
            s.disableByNotifier(reason);
            LOG.warnf("Subscription %s disabled: %s", id, reason);
        });
    }

    /**
     * Gives a webhook subscription a new signing secret. The old one keeps signing next to it for the
     * configured overlap, so that the receiver can switch without losing a call.
     */
    public SecretRotation rotateSecret(UUID id) {
        Subscription s = service.require(id);
        if (!Subscription.WEBHOOK.equals(s.getChannelType())) {
            throw conflict("subscription " + id + " sends email, which is not signed: it has no secret to rotate");
        }
        String fresh = WebhookSigner.newSecret();
        Instant until = clock.now().plus(webhooks.secretOverlap());
        s.rotateSecret(fresh, until);
        LOG.infof("Subscription %s: webhook secret rotated; the previous one signs too until %s", id, until);
        return new SecretRotation(id, fresh, until);
    }

    private static void refuseStatusChange(Subscription s, String target) {
        if (s.isPending()) {
            throw conflict("status: subscription " + s.getId() + " is pending: an email subscription becomes "
                    + "active only when its address confirms (the link in the confirmation mail)");
        }
        if (Subscription.UNSUBSCRIBED.equals(s.getStatus())) {
            throw conflict("status: the recipient of subscription " + s.getId() + " unsubscribed, so it cannot "
                    + "become " + target + "; create a new subscription, which asks for confirmation again");
        }
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(Response.Status.CONFLICT, detail);
    }
}
