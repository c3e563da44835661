package io.alertwire.classifier.topic;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TopicRepository implements PanacheRepositoryBase<Topic, String> {

    /** A cheap fingerprint of the table: changes whenever a topic is added, changed or removed. */
    public record Fingerprint(long count, Instant lastUpdate) {
    }

    public Optional<Topic> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    public List<Topic> listByName() {
        return listAll(Sort.by("name"));
    }

    public List<Topic> listEnabled() {
        return list("enabled", true);
    }

    public Fingerprint fingerprint() {
        Object[] row = getEntityManager()
                .createQuery("select count(t), max(t.updatedAt) from Topic t", Object[].class)
                .getSingleResult();
        return new Fingerprint(((Number) row[0]).longValue(), (Instant) row[1]);
    }
}
