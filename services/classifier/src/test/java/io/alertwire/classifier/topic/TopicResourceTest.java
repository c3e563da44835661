package io.alertwire.classifier.topic;

import static io.alertwire.classifier.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.alertwire.classifier.Api;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class TopicResourceTest {

    @Test
    void createsTopicWithSlugIdAndDefaults() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("name", "Inter-Korean  Talks, Round " + suffix + "!", "query", "talks dialogue"))
                .post("/api/topics")
                .then().statusCode(201)
                .header("Location", endsWith("/api/topics/inter-korean-talks-round-" + suffix))
                .body("id", equalTo("inter-korean-talks-round-" + suffix))
                .body("query", equalTo("talks dialogue"))
                .body("languages", equalTo(List.of()))
                .body("minScore", equalTo(0.0f))
                .body("enabled", equalTo(true))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
    }

    @Test
    void keepsUnicodeLettersInSlug() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("name", "남북 대화 " + suffix, "query", "남북*"))
                .post("/api/topics").then().statusCode(201).body("id", equalTo("남북-대화-" + suffix));
    }

    @Test
    void readsUpdatesListsAndDeletesTopic() {
        String word = Api.uniqueWord();
        String id = Api.createTopic(word);
        admin().get("/api/topics/" + id).then().statusCode(200).body("query", equalTo(word));

        String newName = "Renamed " + UUID.randomUUID();
        admin().body(Map.of("name", newName, "query", word + " summit", "languages", List.of("en", "ko"),
                        "minScore", 0.25, "enabled", false))
                .put("/api/topics/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo(newName))
                .body("languages", equalTo(List.of("en", "ko")))
                .body("minScore", equalTo(0.25f))
                .body("enabled", equalTo(false));
        admin().get("/api/topics").then().statusCode(200).body("id", hasItem(id));

        admin().delete("/api/topics/" + id).then().statusCode(204);
        admin().get("/api/topics/" + id).then().statusCode(404).contentType("application/problem+json");
        admin().get("/api/topics").then().body("id", not(hasItem(id)));
    }

    @Test
    void rejectsQuerySyntaxErrorWithPosition() {
        admin().body(Map.of("name", "Broken " + UUID.randomUUID(), "query", "talks (dialogue OR summit"))
                .post("/api/topics")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("position 6"))
                .body("detail", containsString("never closed"))
                .body("query", equalTo("talks (dialogue OR summit"))
                .body("position", equalTo(6))
                .body("extensions", nullValue())
                .body("errors", nullValue());
    }

    @Test
    void rejectsQueryWithoutPositiveTerm() {
        admin().body(Map.of("name", "Negative " + UUID.randomUUID(), "query", "NOT kpop"))
                .post("/api/topics")
                .then().statusCode(400).body("position", equalTo(0))
                .body("detail", containsString("not negated"));
    }

    @Test
    void rejectsInvalidFields() {
        admin().body(Map.of("name", "x".repeat(201), "query", "q".repeat(4001), "languages", List.of("english"),
                        "minScore", 1.5))
                .post("/api/topics")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("query"))
                .body("errors.field", hasItem("minScore"))
                .body("errors.field", hasItem(containsString("languages")));
        admin().body(Map.of("query", "talks")).post("/api/topics").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        admin().body(Map.of("name", "!!!", "query", "talks")).post("/api/topics").then().statusCode(400);
    }

    @Test
    void acceptsNameAndQueryAtTheirSizeLimitsAndRefusesOneCharacterMore() {
        String name = ("Limit " + UUID.randomUUID() + " ").repeat(10).substring(0, 200);
        // few long words, so that 4000 characters stay within the limits on terms and search clauses
        StringBuilder query = new StringBuilder(letters(90));
        while (query.length() < 3880) {
            query.append(" OR ").append(letters(90));
        }
        String atLimit = query + " OR " + "x".repeat(4000 - query.length() - 4);
        admin().body(Map.of("name", name, "query", atLimit)).post("/api/topics").then().statusCode(201)
                .body("name", equalTo(name)).body("query", equalTo(atLimit));
        admin().body(Map.of("name", name.substring(1) + "yz", "query", "talks")).post("/api/topics")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        admin().body(Map.of("name", "Over " + UUID.randomUUID(), "query", atLimit + "y")).post("/api/topics")
                .then().statusCode(400).body("errors.field", hasItem("query"));
    }

    private static String letters(int length) {
        java.util.Random random = new java.util.Random();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    @Test
    void refusesDuplicateName() {
        String name = "Duplicate " + UUID.randomUUID();
        Api.createTopic(Map.of("name", name, "query", "talks"));
        admin().body(Map.of("name", name, "query", "summit")).post("/api/topics")
                .then().statusCode(409).contentType("application/problem+json");
        // a name that differs only in punctuation has the same id
        admin().body(Map.of("name", name.toUpperCase() + "!", "query", "summit")).post("/api/topics")
                .then().statusCode(409);
    }

    @Test
    void answersNotFoundForUnknownTopic() {
        admin().body(Map.of("name", "Nobody " + UUID.randomUUID(), "query", "talks"))
                .put("/api/topics/no-such-topic").then().statusCode(404);
        admin().delete("/api/topics/no-such-topic").then().statusCode(404);
    }

    @Test
    void refusesTopicApiWithoutToken() {
        given().get("/api/topics").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").contentType("application/json")
                .body(Map.of("name", "x", "query", "y")).post("/api/topics").then().statusCode(401);
    }
}
