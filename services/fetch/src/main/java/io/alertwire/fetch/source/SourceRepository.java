package io.alertwire.fetch.source;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
                RETURNING s.id, s.url, s.name, s.etag, s.last_modified, s.poll_interval_seconds, s.full_text,
                          s.content_digest, s.feed_ttl_seconds
                """;
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setDouble(1, lease.toMillis() / 1000.0);
                statement.setInt(2, limit);
                List<ClaimedSource> claimed = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        int ttl = rows.getInt(9);
                        Duration feedTtl = rows.wasNull() ? null : Duration.ofSeconds(ttl);
                        claimed.add(new ClaimedSource(rows.getLong(1), URI.create(rows.getString(2)),
                                rows.getString(3), rows.getString(4), rows.getString(5),
                                Duration.ofSeconds(rows.getInt(6)), rows.getBoolean(7), rows.getString(8), feedTtl));
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

    /**
     * The schedules of the given sources (those that still exist), locked until the transaction
     * ends so that an edit through the API cannot interleave with recording their fetches. Rows are
     * locked in id order, so two transactions locking overlapping batches cannot deadlock.
     */
    public Map<Long, SourceSchedule> lockSchedules(Collection<Long> ids) {
        String sql = """
                SELECT id, current_interval_seconds, poll_interval_seconds, last_fetched_at FROM source
                WHERE id = ANY (?) ORDER BY id FOR UPDATE
                """;
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                Map<Long, SourceSchedule> schedules = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        java.sql.Timestamp last = rows.getTimestamp(4);
                        schedules.put(rows.getLong(1), new SourceSchedule(rows.getLong(1),
                                Duration.ofSeconds(rows.getInt(2)), Duration.ofSeconds(rows.getInt(3)),
                                last == null ? null : last.toInstant()));
                    }
                }
                return schedules;
            }
        });
    }

    /**
     * Records successful fetches that brought no new article, all in one statement: a round trip
     * and a row update each, instead of a read and a write per source.
     */
    public void recordQuietFetches(List<QuietFetch> fetches) {
        if (fetches.isEmpty()) {
            return;
        }
        String sql = """
                UPDATE source s SET last_status = f.status, last_error = NULL, consecutive_failures = 0,
                       last_fetched_at = f.fetched_at, current_interval_seconds = f.interval_seconds,
                       next_fetch_at = f.next_fetch_at, kind = coalesce(f.kind, s.kind),
                       etag = CASE WHEN f.new_validators THEN f.etag ELSE s.etag END,
                       last_modified = CASE WHEN f.new_validators THEN f.last_modified ELSE s.last_modified END,
                       content_digest = CASE WHEN f.new_validators THEN f.content_digest ELSE s.content_digest END,
                       feed_ttl_seconds = CASE WHEN f.new_validators THEN f.feed_ttl_seconds ELSE s.feed_ttl_seconds END
                FROM unnest(?::bigint[], ?::int[], ?::timestamptz[], ?::int[], ?::timestamptz[], ?::text[],
                            ?::boolean[], ?::text[], ?::text[], ?::text[], ?::int[])
                     AS f(id, status, fetched_at, interval_seconds, next_fetch_at, kind, new_validators, etag,
                          last_modified, content_digest, feed_ttl_seconds)
                WHERE s.id = f.id
                """;
        int n = fetches.size();
        Long[] ids = new Long[n];
        Integer[] statuses = new Integer[n];
        String[] fetchedAt = new String[n];
        Integer[] intervals = new Integer[n];
        String[] nextFetchAt = new String[n];
        String[] kinds = new String[n];
        Boolean[] newValidators = new Boolean[n];
        String[] etags = new String[n];
        String[] lastModified = new String[n];
        String[] contentDigests = new String[n];
        Integer[] feedTtls = new Integer[n];
        for (int i = 0; i < n; i++) {
            QuietFetch fetch = fetches.get(i);
            FetchSuccess success = fetch.success();
            ids[i] = success.sourceId();
            statuses[i] = success.status();
            // ISO-8601 with offset: exact to the microsecond, read by PostgreSQL as timestamptz
            fetchedAt[i] = success.fetchedAt().toString();
            intervals[i] = Math.toIntExact(success.interval().toSeconds());
            nextFetchAt[i] = success.nextFetchAt().toString();
            kinds[i] = fetch.kind();
            newValidators[i] = fetch.validators() != null;
            QuietFetch.Validators validators = fetch.validators();
            etags[i] = validators == null ? null : validators.etag();
            lastModified[i] = validators == null ? null : validators.lastModified();
            contentDigests[i] = validators == null ? null : validators.contentDigest();
            feedTtls[i] = validators == null ? null : validators.feedTtlSeconds();
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("bigint", ids));
                statement.setArray(2, connection.createArrayOf("int4", statuses));
                statement.setArray(3, connection.createArrayOf("text", fetchedAt));
                statement.setArray(4, connection.createArrayOf("int4", intervals));
                statement.setArray(5, connection.createArrayOf("text", nextFetchAt));
                statement.setArray(6, connection.createArrayOf("text", kinds));
                statement.setArray(7, connection.createArrayOf("bool", newValidators));
                statement.setArray(8, connection.createArrayOf("text", etags));
                statement.setArray(9, connection.createArrayOf("text", lastModified));
                statement.setArray(10, connection.createArrayOf("text", contentDigests));
                statement.setArray(11, connection.createArrayOf("int4", feedTtls));
                statement.executeUpdate();
            }
        });
    }
}
