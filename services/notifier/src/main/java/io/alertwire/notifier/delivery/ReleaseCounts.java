package io.alertwire.notifier.delivery;

import io.alertwire.notifier.sql.SqlArray;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The rate limit's counts: how many instant alerts each target was handed in a window, one row per
 * target and window ({@code release_count}). A batch's targets are locked, read, and raised by what
 * is granted, within the claiming transaction.
 */
@ApplicationScoped
public class ReleaseCounts {

    private static final Logger LOG = Logger.getLogger(ReleaseCounts.class);

    /*
     * Creates the missing rows and locks them all; "DO UPDATE" with no change is what makes the
     * existing ones come back too, locked. Targets go in sorted, so two replicas lock in one order.
     */
    private static final String LOCK = """
            INSERT INTO release_count AS r (target, window_start, released)
            SELECT t, CAST(:windowStart AS timestamptz), 0 FROM unnest(CAST(:targets AS text[])) WITH ORDINALITY AS x(t, n)
            ORDER BY n
            ON CONFLICT (target, window_start) DO UPDATE SET released = r.released
            RETURNING r.target, r.released
            """;

    private static final String RAISE = """
            UPDATE release_count r SET released = r.released + g.granted
            FROM unnest(CAST(:targets AS text[]), CAST(:granted AS int[])) AS g(target, granted)
            WHERE r.target = g.target AND r.window_start = CAST(:windowStart AS timestamptz)
            """;

    private final EntityManager entities;
    private final DeliveryConfig config;

    public ReleaseCounts(EntityManager entities, DeliveryConfig config) {
        this.entities = entities;
        this.config = config;
    }

    /**
     * Grants each target as many of the alerts it {@code wants} as its share of the window beginning
     * at {@code windowStart} still allows, and counts them; returns the grants by target.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Integer> grant(Map<String, Integer> wants, Instant windowStart, int limit) {
        if (wants.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> sorted = new TreeMap<>(wants);
        Map<String, Integer> granted = new HashMap<>();
        for (Object row : entities.createNativeQuery(LOCK)
                .setParameter("windowStart", windowStart.toString())
                .setParameter("targets", SqlArray.of(new ArrayList<>(sorted.keySet())))
                .getResultList()) {
            Object[] columns = (Object[]) row;
            String target = (String) columns[0];
            int released = ((Number) columns[1]).intValue();
            granted.put(target, Math.max(0, Math.min(sorted.get(target), limit - released)));
        }
        List<String> targets = new ArrayList<>(granted.keySet());
        entities.createNativeQuery(RAISE)
                .setParameter("windowStart", windowStart.toString())
                .setParameter("targets", SqlArray.of(targets))
                .setParameter("granted", SqlArray.of(targets.stream().map(granted::get).toList()))
                .executeUpdate();
        return granted;
    }

    /** Forgets the counts of windows that ended a while ago. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purge() {
        Instant before = Instant.now().minus(config.rateWindow()).minus(config.rateWindow());
        int purged = entities.createNativeQuery("DELETE FROM release_count WHERE window_start < CAST(:before AS timestamptz)")
                .setParameter("before", before.toString())
                .executeUpdate();
        LOG.debugf("Purged %d rate-limit counts of windows before %s", purged, before);
    }
}
