package io.alertwire.notifier.subscription;

import io.alertwire.notifier.sql.SqlArray;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalTime;
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
    @SuppressWarnings("unchecked")
    public Map<UUID, SendTarget> findActiveTargets(List<UUID> ids, Instant now) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT CAST(id AS text), channel_type, email_address, webhook_url, webhook_secret, previous_webhook_secret,
                       CAST(extract(epoch FROM previous_secret_until) * 1000 AS bigint)
                FROM subscription WHERE id = ANY (CAST(:ids AS uuid[])) AND status = 'active'""")
                .setParameter("ids", SqlArray.of(ids))
                .getResultList();
        return rows.stream().map(row -> SendTarget.of(row, now))
                .collect(Collectors.toMap(SendTarget::id, Function.identity()));
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

    /** An hourly or daily subscription's schedule: when its next digest is due. */
    public record DigestSubscription(UUID id, String mode, LocalTime digestAt, String timezone) {
    }

    /**
     * The schedules of the active hourly and daily subscriptions to any of these topic slugs: those
     * a match may add to a digest (the match statement applies the other filters).
     */
    @SuppressWarnings("unchecked")
    public List<DigestSubscription> listActiveDigestsFor(String topicIdSlug, String topicNameSlug) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT CAST(id AS text), mode, CAST(digest_at AS text), timezone FROM subscription
                WHERE status = 'active' AND mode <> 'instant'
                  AND topics && ARRAY[CAST(:topicIdSlug AS text), CAST(:topicNameSlug AS text)]""")
                .setParameter("topicIdSlug", topicIdSlug)
                .setParameter("topicNameSlug", topicNameSlug)
                .getResultList();
        return rows.stream().map(r -> new DigestSubscription(UUID.fromString((String) r[0]), (String) r[1],
                r[2] == null ? null : LocalTime.parse((String) r[2]), (String) r[3])).toList();
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
            getEntityManager().createNativeQuery("""
                    UPDATE subscription SET failing_since = NULL
                    WHERE id = ANY (CAST(:ids AS uuid[])) AND failing_since IS NOT NULL""")
                    .setParameter("ids", SqlArray.of(ids))
                    .executeUpdate();
        }
    }
}
