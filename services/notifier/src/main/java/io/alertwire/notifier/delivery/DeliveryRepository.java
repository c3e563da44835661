package io.alertwire.notifier.delivery;

import io.alertwire.events.TopicSlug;
import io.alertwire.events.MatchEvent;
import io.alertwire.notifier.delivery.DeliveryQueue.Attempt;
import io.alertwire.notifier.sql.SqlArray;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /*
     * One statement per match, so that the database alone decides what is new: every active
     * subscription whose topics, score floor and languages fit gets a pending row; where the row
     * exists (a repeated match, or the same story for another of its topics) the unique key turns
     * the insert into "add this topic, if it is new and the alert not yet sent", or into nothing.
     * A subscription named in :digests (JSON {subscriptionId: instant}) is a digest one: its row
     * waits for that digest time instead of the gather window. A row already claimed by a digest
     * (digest_id set) gains no topic, so a repeat of that digest says exactly what the first did.
     */
    private static final String CREATE_FOR_MATCH = """
            INSERT INTO delivery (id, subscription_id, story_id, topics, story, status, attempts,
                                  next_attempt_at, created_at, digest_at, matched_at)
            SELECT gen_random_uuid(), s.id, :storyId, CAST(:topics AS jsonb), CAST(:story AS jsonb), 'pending', 0,
                   COALESCE(CAST(CAST(:digests AS jsonb) ->> CAST(s.id AS text) AS timestamptz),
                            now() + :gatherMillis * interval '1 millisecond'),
                   now(),
                   CAST(CAST(:digests AS jsonb) ->> CAST(s.id AS text) AS timestamptz),
                   CAST(:matchedAt AS timestamptz)
            FROM subscription s
            WHERE s.status = 'active'
              AND s.topics && ARRAY[CAST(:topicIdSlug AS text), CAST(:topicNameSlug AS text)]
              AND s.min_score <= :score
              AND (cardinality(s.languages) = 0 OR :language = '' OR :language = ANY (s.languages))
            ON CONFLICT (subscription_id, story_id) DO UPDATE
                SET topics = delivery.topics || EXCLUDED.topics
                WHERE delivery.status = 'pending' AND delivery.digest_id IS NULL
                  AND NOT delivery.topics @> jsonb_build_array(jsonb_build_object('id', CAST(:topicId AS text)))
            """;

    /*
     * Leases due instant deliveries and returns what sending them needs, as text (ids, JSON) and
     * epoch milliseconds, in one round trip and without loading entities.
     */
    private static final String CLAIM_DUE = """
            UPDATE delivery d SET next_attempt_at = now() + :leaseMillis * interval '1 millisecond'
            WHERE d.id IN (SELECT id FROM delivery
                           WHERE status = 'pending' AND digest_at IS NULL AND next_attempt_at <= now()
                           ORDER BY next_attempt_at
                           LIMIT :limit
                           FOR UPDATE SKIP LOCKED)
            RETURNING CAST(d.id AS text), CAST(d.subscription_id AS text), CAST(d.topics AS text),
                      CAST(d.story AS text), CAST(extract(epoch FROM d.created_at) * 1000 AS bigint),
                      CAST(extract(epoch FROM d.matched_at) * 1000 AS bigint), d.released_at IS NOT NULL
            """;

    private static final String MARK_RELEASED = """
            UPDATE delivery SET released_at = CAST(:at AS timestamptz) WHERE id = ANY (CAST(:ids AS uuid[]))
            """;

    private static final String HOLD_FOR_DIGEST = """
            UPDATE delivery SET digest_at = CAST(:windowEnd AS timestamptz), next_attempt_at = CAST(:windowEnd AS timestamptz)
            WHERE id = ANY (CAST(:ids AS uuid[]))
            """;

    private static final String END_LEASE = """
            UPDATE delivery SET next_attempt_at = now() WHERE id = ANY (CAST(:ids AS uuid[])) AND status = 'pending'
            """;

    private static final String MARK_SKIPPED = """
            UPDATE delivery SET status = 'skipped' WHERE id = ANY (CAST(:ids AS uuid[]))
            """;

    private static final String DUE_DIGEST_SUBSCRIPTIONS = """
            SELECT DISTINCT subscription_id FROM delivery
            WHERE status = 'pending' AND digest_at IS NOT NULL AND next_attempt_at <= CAST(:now AS timestamptz)
            LIMIT :limit
            """;

    /*
     * Every due digest row of one subscription: rows that already went into a digest (a send that
     * failed, or crashed before its result was recorded) keep their digest_id, the others get the
     * fresh one. Rows another worker has leased are not due, and a row another transaction is
     * claiming right now is waited for and then found leased.
     */
    private static final String CLAIM_DIGEST = """
            UPDATE delivery SET digest_id = COALESCE(digest_id, CAST(:fresh AS uuid)),
                                next_attempt_at = CAST(:now AS timestamptz) + :leaseMillis * interval '1 millisecond'
            WHERE subscription_id = :subscriptionId AND status = 'pending' AND digest_at IS NOT NULL
              AND next_attempt_at <= CAST(:now AS timestamptz)
            RETURNING id
            """;

    /*
     * A batch of successful sends in one round trip: every row marked sent and its attempt written.
     * A row deleted meanwhile (its subscription was) is neither updated nor given an attempt.
     */
    private static final String MARK_SENT = """
            WITH sent AS (
                UPDATE delivery d SET status = 'sent', attempts = d.attempts + 1, sent_at = now()
                FROM unnest(CAST(:ids AS uuid[])) AS s(id)
                WHERE d.id = s.id
                RETURNING d.id, d.story_id, d.subscription_id, d.attempts),
            recorded AS (
                INSERT INTO delivery_attempt (delivery_id, attempted_at, status_code, error, duration_ms)
                SELECT a.id, a.attempted_at, a.status_code, NULL, a.duration_ms
                FROM unnest(CAST(:ids AS uuid[]), CAST(:attemptedAt AS timestamptz[]), CAST(:statusCodes AS int[]),
                            CAST(:durations AS bigint[])) AS a(id, attempted_at, status_code, duration_ms)
                WHERE a.id IN (SELECT id FROM sent))
            SELECT CAST(id AS text), story_id, CAST(subscription_id AS text), attempts FROM sent
            """;

    /** One delivery {@link #markSent} marked: its id, story, subscription and attempt count. */
    public record SentRow(String id, String storyId, String subscriptionId, int attempts) {
    }

    /**
     * Marks the deliveries of these successful attempts sent and records the attempts, all in
     * one statement; returns the rows that still existed.
     */
    @SuppressWarnings("unchecked")
    public List<SentRow> markSent(List<DeliveryQueue.Attempt> sent) {
        List<Object[]> rows = getEntityManager().createNativeQuery(MARK_SENT)
                .setParameter("ids", SqlArray.of(sent.stream().map(Attempt::deliveryId).toList()))
                .setParameter("attemptedAt", SqlArray.of(sent.stream().map(Attempt::attemptedAt).toList()))
                .setParameter("statusCodes", SqlArray.of(sent.stream().map(a -> a.outcome().statusCode()).toList()))
                .setParameter("durations", SqlArray.of(sent.stream().map(a -> a.outcome().durationMs()).toList()))
                .getResultList();
        return rows.stream().map(r -> new SentRow((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue())).toList();
    }

    /**
     * Creates the deliveries a match calls for, or adds its topic to a pending one of the same
     * story.
     *
     * @param digestTimes the next digest time of each digest subscription the match may concern;
     *     every other subscription gets an instant alert after the gather window
     * @param matchedAt when the article was fetched, or else the match published; a row another
     *     topic's match created earlier keeps its own
     * @return how many deliveries were created or gained a topic
     */
    public int createForMatch(MatchEvent match, Duration gatherWindow, Map<UUID, Instant> digestTimes,
            Instant matchedAt) {
        String language = match.language() == null ? "" : match.language().toLowerCase(Locale.ROOT);
        return getEntityManager().createNativeQuery(CREATE_FOR_MATCH)
                .setParameter("storyId", match.storyId())
                .setParameter("topics", DeliveryJson.write(List.of(new AlertTopic(match.topicId(), match.topicName()))))
                .setParameter("story", DeliveryJson.write(AlertStory.of(match)))
                .setParameter("gatherMillis", gatherWindow.toMillis())
                .setParameter("digests", DeliveryJson.write(digestTimes))
                .setParameter("topicIdSlug", TopicSlug.of(match.topicId()))
                .setParameter("topicNameSlug", TopicSlug.of(match.topicName()))
                .setParameter("score", match.score())
                .setParameter("language", language)
                .setParameter("topicId", match.topicId())
                .setParameter("matchedAt", matchedAt.toString())
                .executeUpdate();
    }

    /** A delivery {@link #claimDue} leased, with what sending it needs. */
    public record ClaimedDelivery(UUID id, UUID subscriptionId, List<AlertTopic> topics, AlertStory story,
            Instant createdAt, Instant matchedAt, boolean released) {
    }

    /**
     * Claims up to {@code limit} due deliveries and hides them from other workers for
     * {@code lease}; rows other transactions hold are skipped, not waited for. Oldest first.
     */
    @SuppressWarnings("unchecked")
    public List<ClaimedDelivery> claimDue(int limit, Duration lease) {
        List<Object[]> rows = getEntityManager().createNativeQuery(CLAIM_DUE)
                .setParameter("leaseMillis", lease.toMillis())
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new ClaimedDelivery(UUID.fromString((String) r[0]), UUID.fromString((String) r[1]),
                        DeliveryJson.readTopics((String) r[2]), DeliveryJson.read((String) r[3], AlertStory.class),
                        Instant.ofEpochMilli(((Number) r[4]).longValue()),
                        r[5] == null ? null : Instant.ofEpochMilli(((Number) r[5]).longValue()), (Boolean) r[6]))
                .sorted(Comparator.comparing(ClaimedDelivery::createdAt).thenComparing(ClaimedDelivery::id))
                .toList();
    }

    /** Notes that these deliveries were handed to the sender at {@code at}, as the rate limit's share. */
    public void markReleased(List<UUID> ids, Instant at) {
        update(MARK_RELEASED, ids).setParameter("at", at.toString()).executeUpdate();
    }

    /** Holds these instant alerts, over their target's rate limit, for the catch-up digest at {@code windowEnd}. */
    public void holdForDigest(List<UUID> ids, Instant windowEnd) {
        update(HOLD_FOR_DIGEST, ids).setParameter("windowEnd", windowEnd.toString()).executeUpdate();
    }

    /** Makes these claimed deliveries due again at once, for any worker. */
    public void endLease(List<UUID> ids) {
        update(END_LEASE, ids).executeUpdate();
    }

    /** Marks these deliveries skipped: their subscription is no longer active. */
    public void markSkipped(List<UUID> ids) {
        update(MARK_SKIPPED, ids).executeUpdate();
    }

    private Query update(String statement, List<UUID> ids) {
        return getEntityManager().createNativeQuery(statement)
                .setParameter("ids", SqlArray.of(ids));
    }

    /** When the next instant delivery falls due (a lease ending counts); empty when none is pending. */
    public Optional<Instant> nextDue() {
        return Optional.ofNullable(getEntityManager().createQuery(
                "select min(d.nextAttemptAt) from Delivery d where d.status = ?1 and d.digestAt is null", Instant.class)
                .setParameter(1, Delivery.PENDING)
                .getSingleResult());
    }

    /** Subscriptions with digest deliveries due at {@code now}. */
    @SuppressWarnings("unchecked")
    public List<UUID> dueDigestSubscriptions(Instant now, int limit) {
        return getEntityManager().createNativeQuery(DUE_DIGEST_SUBSCRIPTIONS, UUID.class)
                .setParameter("now", now.toString())
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * Claims the due digest deliveries of one subscription and hides them from other workers for
     * {@code lease}; those not yet in a digest join the digest {@code fresh}.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimDigest(UUID subscriptionId, UUID fresh, Instant now, Duration lease) {
        return getEntityManager().createNativeQuery(CLAIM_DIGEST, UUID.class)
                .setParameter("fresh", fresh.toString())
                .setParameter("now", now.toString())
                .setParameter("leaseMillis", lease.toMillis())
                .setParameter("subscriptionId", subscriptionId)
                .getResultList();
    }

    /** Fails every pending delivery of a subscription, with the reason; returns how many. */
    public int failPending(UUID subscriptionId, String reason) {
        return update("status = ?1, failureReason = ?2 where subscriptionId = ?3 and status = ?4", Delivery.FAILED,
                reason, subscriptionId, Delivery.PENDING);
    }

    public List<Delivery> listForSubscription(UUID subscriptionId) {
        return list("subscriptionId = ?1 order by createdAt desc, id", subscriptionId);
    }
}
