package io.alertwire.notifier.delivery;

import io.alertwire.events.TopicSlug;
import io.alertwire.events.MatchEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /*
     * One statement per match, so that the database alone decides what is new: every active
     * subscription whose topics, score floor and languages fit gets a pending row; where the row
     * exists (a repeated match, or the same story for another of its topics) the unique key turns
     * the insert into "add this topic, if it is new and the alert not yet sent", or into nothing.
     */
    private static final String CREATE_FOR_MATCH = """
            INSERT INTO delivery (id, subscription_id, story_id, topics, story, status, attempts,
                                  next_attempt_at, created_at)
            SELECT gen_random_uuid(), s.id, :storyId, CAST(:topics AS jsonb), CAST(:story AS jsonb), 'pending', 0,
                   now() + :gatherMillis * interval '1 millisecond', now()
            FROM subscription s
            WHERE s.status = 'active'
              AND s.topics && ARRAY[CAST(:topicIdSlug AS text), CAST(:topicNameSlug AS text)]
              AND s.min_score <= :score
              AND (cardinality(s.languages) = 0 OR :language = '' OR :language = ANY (s.languages))
            ON CONFLICT (subscription_id, story_id) DO UPDATE
                SET topics = delivery.topics || EXCLUDED.topics
                WHERE delivery.status = 'pending'
                  AND NOT delivery.topics @> jsonb_build_array(jsonb_build_object('id', CAST(:topicId AS text)))
            """;

    private static final String CLAIM_DUE = """
            UPDATE delivery SET next_attempt_at = now() + :leaseMillis * interval '1 millisecond'
            WHERE id IN (SELECT id FROM delivery
                         WHERE status = 'pending' AND next_attempt_at <= now()
                         ORDER BY next_attempt_at
                         LIMIT :limit
                         FOR UPDATE SKIP LOCKED)
            RETURNING id
            """;

    /**
     * Creates the deliveries a match calls for, or adds its topic to a pending one of the same
     * story.
     *
     * @return how many deliveries were created or gained a topic
     */
    public int createForMatch(MatchEvent match, Duration gatherWindow) {
        String language = match.language() == null ? "" : match.language().toLowerCase(Locale.ROOT);
        return getEntityManager().createNativeQuery(CREATE_FOR_MATCH)
                .setParameter("storyId", match.storyId())
                .setParameter("topics", DeliveryJson.write(List.of(new AlertTopic(match.topicId(), match.topicName()))))
                .setParameter("story", DeliveryJson.write(AlertStory.of(match)))
                .setParameter("gatherMillis", gatherWindow.toMillis())
                .setParameter("topicIdSlug", TopicSlug.of(match.topicId()))
                .setParameter("topicNameSlug", TopicSlug.of(match.topicName()))
                .setParameter("score", match.score())
                .setParameter("language", language)
                .setParameter("topicId", match.topicId())
                .executeUpdate();
    }

    /**
     * Claims up to {@code limit} due deliveries and hides them from other workers for
     * {@code lease}; rows other transactions hold are skipped, not waited for.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimDue(int limit, Duration lease) {
        return getEntityManager().createNativeQuery(CLAIM_DUE, UUID.class)
                .setParameter("leaseMillis", lease.toMillis())
                .setParameter("limit", limit)
                .getResultList();
    }

    public List<Delivery> listForSubscription(UUID subscriptionId) {
        return list("subscriptionId = ?1 order by createdAt desc, id", subscriptionId);
    }
}
