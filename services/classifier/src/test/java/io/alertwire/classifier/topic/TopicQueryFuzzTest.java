package io.alertwire.classifier.topic;

import static io.alertwire.classifier.Api.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.alertwire.classifier.query.RandomQueries;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Random query strings through the API: {@code POST /api/topics} answers 201 or a 400 that points
 * inside the query, never a 500. Accepted topics are created disabled (registering each in the
 * Monitor would make this test slow; {@code QueryFuzzTest} registers and matches thousands), except
 * every {@value #ENABLED_EVERY}th, which is enabled and then classified against.
 */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class TopicQueryFuzzTest {

    private static final int QUERIES = 1000;
    private static final int ENABLED_EVERY = 5;

    @Test
    void randomQueriesGetCreatedOrAPositionedErrorNeverAServerError() {
        RandomQueries random = new RandomQueries(4_2026L);
        int created = 0;
        for (int i = 0; i < QUERIES; i++) {
            String query = random.next();
            boolean enabled = i % ENABLED_EVERY == 0;
            Response response = admin().body(Map.of("name", "Fuzz " + UUID.randomUUID(), "query", query,
                    "enabled", enabled)).post("/api/topics");
            int status = response.statusCode();
            if (status == 201) {
                created++;
                String id = response.path("id");
                if (enabled) {
                    admin().body(Map.of("title", "North Korea talks 북한이 남북회담", "text", query))
                            .post("/api/classify").then().statusCode(200);
                }
                admin().delete("/api/topics/" + id).then().statusCode(204);
            } else if (status == 400) {
                if (query.isBlank()) {
                    continue; // Bean Validation refuses it before parsing: no position to give
                }
                Integer position = response.path("position");
                if (position == null) {
                    fail("400 without a position for " + query + ": " + response.asString());
                }
                assertTrue(position >= 0 && position <= query.length(), "position " + position + " for " + query);
                assertEquals(query, response.path("query"));
            } else {
                fail("status " + status + " for query '" + query + "': " + response.asString());
            }
        }
        System.out.printf("API fuzz: %d queries, %d created%n", QUERIES, created);
    }
}
