package io.alertwire.notifier.subscription;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    public List<Subscription> listNewestFirst() {
        return list("order by createdAt desc, id");
    }

    /** Those of these subscriptions that are active (not paused, disabled or deleted), by id. */
    public Map<UUID, Subscription> findActive(List<UUID> ids) {
        return list("id in ?1", ids).stream().filter(Subscription::isActive)
                .collect(Collectors.toMap(Subscription::getId, Function.identity()));
    }

    /** Email subscriptions still waiting for their confirmation mail, oldest first. */
    public List<UUID> listUnconfirmedIds(int limit) {
        return getEntityManager().createQuery("""
                        select s.id from Subscription s
                        where s.status = :pending and s.channelType = :email and s.confirmationSentAt is null
                        order by s.createdAt""", UUID.class)
                .setParameter("pending", Subscription.PENDING)
                .setParameter("email", Subscription.EMAIL)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Active hourly and daily subscriptions to any of these topic slugs: those a match may add to a
     * digest (the match statement applies the other filters).
     */
    @SuppressWarnings("unchecked")
    public List<Subscription> listActiveDigestsFor(String topicIdSlug, String topicNameSlug) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM subscription
                WHERE status = 'active' AND mode <> 'instant'
                  AND topics && ARRAY[CAST(:topicIdSlug AS text), CAST(:topicNameSlug AS text)]""", Subscription.class)
                .setParameter("topicIdSlug", topicIdSlug)
                .setParameter("topicNameSlug", topicNameSlug)
                .getResultList();
    }

    /**
     * Locks one subscription if it still waits for its confirmation mail; empty when it does not,
     * or when another replica is mailing it right now.
     */
    @SuppressWarnings("unchecked")
    public Optional<Subscription> lockUnconfirmed(UUID id) {
        List<Subscription> found = getEntityManager().createNativeQuery("""
                SELECT * FROM subscription
                WHERE id = :id AND status = 'pending' AND channel_type = 'email' AND confirmation_sent_at IS NULL
                FOR UPDATE SKIP LOCKED""", Subscription.class).setParameter("id", id).getResultList();
        return found.stream().findFirst();
    }

    /** Subscriptions the notifier disabled whose owner has not been told yet. */
    public List<UUID> listOwnerNoticeDue(int limit) {
        return getEntityManager().createQuery(
                        "select s.id from Subscription s where s.ownerNoticeDue = true order by s.id", UUID.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Locks one subscription if its owner still needs telling; empty when not, or another replica is at it. */
    @SuppressWarnings("unchecked")
    public Optional<Subscription> lockOwnerNoticeDue(UUID id) {
        List<Subscription> found = getEntityManager().createNativeQuery("""
                SELECT * FROM subscription WHERE id = :id AND owner_notice_due
                FOR UPDATE SKIP LOCKED""", Subscription.class).setParameter("id", id).getResultList();
        return found.stream().findFirst();
    }

    /** A send to these subscriptions succeeded: none of them is failing any more (see {@link Subscription#attempted}). */
    public void succeeded(List<UUID> ids) {
        if (!ids.isEmpty()) {
            update("failingSince = null where id in ?1 and failingSince is not null", ids);
        }
    }
}
