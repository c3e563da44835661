package io.alertwire.classifier.classify;

import static io.alertwire.classifier.Api.admin;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import io.alertwire.classifier.Api;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class ClassifyResourceTest {

    private static ValidatableResponse classify(String title, String text, String language) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("text", text);
        if (language != null) {
            body.put("language", language);
        }
        return admin().body(body).post("/api/classify").then().statusCode(200);
    }

    private static List<String> matchedIds(String title, String text) {
        return classify(title, text, null).extract().path("matches.topicId");
    }

    @Test
    void matchesAllWordsInAnyFormAndReportsHighlights() {
        String w = Api.uniqueWord();
        String id = Api.createTopic(w + " talks");
        classify("Seoul proposes talks", "Officials said " + w.toUpperCase() + " would hold TALK rounds.", "en")
                .body("language", equalTo("en"))
                .body("matches.topicId", hasItem(id))
                .body("matches.find { it.topicId == '" + id + "' }.highlights",
                        containsInAnyOrder("talks", w.toUpperCase(), "TALK"))
                .body("matches.find { it.topicId == '" + id + "' }.score", allOf(greaterThan(0f), lessThan(1f)));
        classify("Seoul proposes talks", "No special word here.", null).body("matches.topicId", not(hasItem(id)));
    }

    @Test
    void appliesOrNotAndPhrases() {
        String w = Api.uniqueWord();
        String or = Api.createTopic(w + " (summit OR envoy)");
        String not = Api.createTopic(w + " -kpop");
        String phrase = Api.createTopic("\"" + w + " north\"");

        List<String> ids = matchedIds("", w + " north envoy");
        org.hamcrest.MatcherAssert.assertThat(ids, allOf(hasItem(or), hasItem(not), hasItem(phrase)));

        ids = matchedIds("", "north " + w + " kpop star");
        org.hamcrest.MatcherAssert.assertThat(ids, allOf(not(hasItem(or)), not(hasItem(not)), not(hasItem(phrase))));

        ids = matchedIds(w + " summit", "");
        org.hamcrest.MatcherAssert.assertThat(ids, allOf(hasItem(or), hasItem(not), not(hasItem(phrase))));
    }

    @Test
    void respectsLanguagesAndMinScore() {
        String w = Api.uniqueWord();
        String korean = Api.createTopic(Map.of("name", "Korean only " + UUID.randomUUID(), "query", w,
                "languages", List.of("ko")));
        String picky = Api.createTopic(Map.of("name", "Picky " + UUID.randomUUID(), "query", w, "minScore", 0.99));
        classify("", w, "en").body("matches.topicId", allOf(not(hasItem(korean)), not(hasItem(picky))));
        classify("", w, "ko").body("matches.topicId", hasItem(korean));
        classify("", w, null).body("matches.topicId", hasItem(korean));
    }

    @Test
    void ignoresDisabledAndDeletedTopics() {
        String w = Api.uniqueWord();
        String name = "Disabled " + UUID.randomUUID();
        String id = Api.createTopic(Map.of("name", name, "query", w, "enabled", false));
        classify("", w, null).body("matches.topicId", not(hasItem(id)));
        admin().body(Map.of("name", name, "query", w)).put("/api/topics/" + id).then().statusCode(200);
        classify("", w, null).body("matches.topicId", hasItem(id));
        admin().delete("/api/topics/" + id).then().statusCode(204);
        classify("", w, null).body("matches.topicId", not(hasItem(id)));
    }

    @Test
    void rejectsArticleWithoutTitleAndText() {
        admin().body(Map.of("title", " ", "text", "")).post("/api/classify")
                .then().statusCode(400).contentType("application/problem+json");
        admin().body(Map.of("text", "talks", "language", "english")).post("/api/classify")
                .then().statusCode(400).body("errors.field", hasItem("language"));
    }
}
