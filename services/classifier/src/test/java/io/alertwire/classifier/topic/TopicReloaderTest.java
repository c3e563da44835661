package io.alertwire.classifier.topic;

import static io.alertwire.classifier.Api.admin;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.alertwire.classifier.Api;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Changes written by another replica (straight into the table here) reach this one's matcher. */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class TopicReloaderTest {

    @Inject
    TopicReloader reloader;

    @Inject
    EntityManager entityManager;

    private void insert(String id, String query) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "INSERT INTO topic (id, name, query) VALUES (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, "Other replica " + id).setParameter(3, query)
                .executeUpdate());
    }

    private static Object matchedIds(String text) {
        return admin().body(Map.of("text", text)).post("/api/classify").then().statusCode(200)
                .extract().path("matches.topicId");
    }

    @Test
    void picksUpTopicsChangedElsewhereAndSkipsBrokenQueries() {
        String w = Api.uniqueWord();
        String good = "replica-" + UUID.randomUUID();
        String broken = "broken-" + UUID.randomUUID();
        insert(broken, w + " (unclosed");
        insert(good, w);
        admin().body(Map.of("text", w)).post("/api/classify").then().body("matches.topicId", not(hasItem(good)));

        reloader.reloadIfChanged();

        admin().body(Map.of("text", w)).post("/api/classify").then()
                .body("matches.topicId", hasItem(good))
                .body("matches.topicId", not(hasItem(broken)));

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM topic WHERE id IN (?1, ?2)")
                .setParameter(1, good).setParameter(2, broken).executeUpdate());
        reloader.reloadIfChanged();
        admin().body(Map.of("text", w)).post("/api/classify").then().body("matches.topicId", not(hasItem(good)));
    }
}
