package io.alertwire.fetch.source;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

@ApplicationScoped
public class SourceRepository implements PanacheRepository<Source> {

    public Optional<Source> findByCanonicalUrl(String canonicalUrl) {
        return find("canonicalUrl", canonicalUrl).firstResultOptional();
    }

    /**
     * Leases up to {@code limit} due sources: pushes their next_fetch_at forward by {@code lease} and
     * returns them. Rows another replica is claiming at the same moment are skipped, not waited for,
     * and a claimed row is not due again until the lease ends; so no source is fetched twice at once,
     * and a replica that dies mid-fetch only delays its sources by the lease. Must run in a
     * transaction of its own, committed before fetching.
     */
    public List<ClaimedSource> claimDue(int limit, Duration lease) {
        String sql = """
                UPDATE source s SET next_fetch_at = now() + make_interval(secs => ?)
                FROM (SELECT id FROM source
                      WHERE enabled AND next_fetch_at <= now()
                      ORDER BY next_fetch_at
                      LIMIT ?
                      FOR UPDATE SKIP LOCKED) due
                WHERE s.id = due.id
                RETURNING s.id, s.url, s.name, s.etag, s.last_modified, s.poll_interval_seconds, s.full_text
                """;
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setDouble(1, lease.toMillis() / 1000.0);
                statement.setInt(2, limit);
                List<ClaimedSource> claimed = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(new ClaimedSource(rows.getLong(1), URI.create(rows.getString(2)),
                                rows.getString(3), rows.getString(4), rows.getString(5),
                                Duration.ofSeconds(rows.getInt(6)), rows.getBoolean(7)));
                    }
                }
                return claimed;
            }
        });
    }

    /**
     * Hands claimed sources back unfetched, due again at {@code dueAt}: their host was busy or asked
     * for a gap between fetches. Not a failure; nothing else about the source changes. Must run in a
     * transaction.
     */
    public void postpone(List<Long> ids, Instant dueAt) {
        if (!ids.isEmpty()) {
            update("nextFetchAt = ?1 where id in ?2", dueAt, ids);
        }
    }
}
