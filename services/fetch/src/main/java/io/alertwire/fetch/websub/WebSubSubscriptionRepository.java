package io.alertwire.fetch.websub;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

@ApplicationScoped
public class WebSubSubscriptionRepository implements PanacheRepositoryBase<WebSubSubscription, Long> {

    /**
     * Leases up to {@code limit} subscriptions due for a request to their hub (new, renewal or
     * retry) the way the poller leases sources: their next attempt moves {@code lease} ahead in a
     * transaction of its own, so two replicas never ask a hub for the same subscription at once.
     *
     * @return the source ids of the claimed subscriptions
     */
    public List<Long> claimDue(int limit, Duration lease) {
        String sql = """
                UPDATE websub_subscription w SET next_attempt_at = now() + make_interval(secs => ?)
                FROM (SELECT source_id FROM websub_subscription
                      WHERE next_attempt_at <= now()
                      ORDER BY next_attempt_at
                      LIMIT ?
                      FOR UPDATE SKIP LOCKED) due
                WHERE w.source_id = due.source_id
                RETURNING w.source_id
                """;
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setDouble(1, lease.toMillis() / 1000.0);
                statement.setInt(2, limit);
                List<Long> claimed = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(rows.getLong(1));
                    }
                }
                return claimed;
            }
        });
    }

    /** Active subscriptions whose lease has ended without a renewal. */
    public List<WebSubSubscription> lapsed(java.time.Instant now) {
        return list("state = ?1 and expiresAt <= ?2", SubscriptionState.ACTIVE, now);
    }
}
