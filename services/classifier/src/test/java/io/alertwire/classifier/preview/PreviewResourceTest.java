package io.alertwire.classifier.preview;

import static io.alertwire.classifier.Api.admin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alertwire.classifier.Api;
import io.alertwire.classifier.story.StoryTestArticles;
import io.alertwire.events.ArticleEvent;
import io.alertwire.events.EventJson;
import io.alertwire.events.EventTopics;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Previews through the real API, over articles that came in through the real articles topic. */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class PreviewResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    private void send(ArticleEvent article) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(EventTopics.ARTICLES, article.articleId(),
                EventJson.write(article))).awaitCompletion(WAIT);
    }

    private static JsonPath preview(Map<String, Object> body) {
        return admin().body(body).post("/api/topics/preview").then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the preview of {@code query} finds {@code count} articles. */
    private static JsonPath previewOnce(String query, int count) {
        await().atMost(WAIT).until(() -> preview(Map.of("query", query)).getList("matches").size() >= count);
        return preview(Map.of("query", query));
    }

    @Test
    void findsRecentArticlesWithTheScoreAndHighlightsOfLiveMatching() {
        String w = Api.uniqueWord();
        ArticleEvent article = StoryTestArticles.article("Korea Herald", "Envoys meet over " + w,
                "The envoys met in Panmunjom to discuss " + w + " and the reopening of the liaison office.", "en");
        send(article);

        JsonPath found = previewOnce(w + " liaison", 1);
        assertEquals(article.articleId(), found.getString("matches[0].articleId"));
        assertEquals(article.url(), found.getString("matches[0].url"));
        assertEquals("Korea Herald", found.getString("matches[0].sourceName"));
        assertTrue(found.getList("matches[0].highlights", String.class).contains(w));
        assertTrue(found.getList("matches[0].highlights", String.class).contains("liaison"));
        assertTrue(found.getString("matches[0].snippet").contains(w));

        // the same article through the live path: a topic with the same query, and /api/classify
        String topicId = Api.createTopic(w + " liaison");
        Map<String, Object> classify = new HashMap<>();
        classify.put("title", article.title());
        classify.put("text", article.content());
        classify.put("url", article.url());
        classify.put("language", "en");
        JsonPath live = admin().body(classify).post("/api/classify").then().statusCode(200).extract().jsonPath();
        float liveScore = live.getFloat("matches.find { it.topicId == '" + topicId + "' }.score");
        assertEquals(liveScore, found.getFloat("matches[0].score"), 1e-6f);
    }

    @Test
    void limitsToLanguagesSinceAndLimitNewestFirst() {
        String w = Api.uniqueWord();
        Instant now = Instant.now();
        ArticleEvent older = withFetchedAt(StoryTestArticles.article("A", "First " + w, "Older report on " + w, "en"),
                now.minus(2, ChronoUnit.HOURS));
        ArticleEvent newer = withFetchedAt(StoryTestArticles.article("B", "Second " + w, "Newer report on " + w, "en"),
                now.minus(1, ChronoUnit.HOURS));
        ArticleEvent korean = withFetchedAt(StoryTestArticles.article("C", "세번째 " + w, "한국어 기사 " + w, "ko"),
                now.minus(30, ChronoUnit.MINUTES));
        send(older);
        send(newer);
        send(korean);
        previewOnce(w, 3);

        assertEquals(List.of(korean.articleId(), newer.articleId(), older.articleId()),
                preview(Map.of("query", w)).getList("matches.articleId"), "newest first");
        assertEquals(List.of(korean.articleId(), newer.articleId()),
                preview(Map.of("query", w, "limit", 2)).getList("matches.articleId"));
        assertEquals(List.of(korean.articleId()),
                preview(Map.of("query", w, "languages", List.of("ko"))).getList("matches.articleId"));
        assertEquals(List.of(korean.articleId(), newer.articleId()),
                preview(Map.of("query", w, "since", now.minus(90, ChronoUnit.MINUTES).toString()))
                        .getList("matches.articleId"));
    }

    @Test
    void rejectsBadQueryWithItsPositionAndLimitsAndSinceOutsideTheirBounds() {
        admin().body(Map.of("query", "talks (dialogue OR summit")).post("/api/topics/preview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("position", equalTo(6)).body("detail", containsString("position 6"));
        admin().body(Map.of("query", "talks", "limit", 0)).post("/api/topics/preview")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        admin().body(Map.of("query", "talks", "limit", 101)).post("/api/topics/preview")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        admin().body(Map.of("query", "talks", "since", Instant.now().minus(8, ChronoUnit.DAYS).toString()))
                .post("/api/topics/preview").then().statusCode(400).body("errors.field", hasItem("since"));
        admin().body(Map.of("query", "q".repeat(4001))).post("/api/topics/preview")
                .then().statusCode(400).body("errors.field", hasItem("query"));
        admin().body(Map.of("query", "talks", "languages", List.of("english"))).post("/api/topics/preview")
                .then().statusCode(400);
        given().contentType("application/json").body(Map.of("query", "talks")).post("/api/topics/preview")
                .then().statusCode(401);
    }

    private static ArticleEvent withFetchedAt(ArticleEvent a, Instant fetchedAt) {
        return new ArticleEvent(a.articleId(), a.url(), a.canonicalUrl(), a.sourceId(), a.sourceName(), a.title(),
                a.summary(), a.content(), a.language(), a.publishedAt(), fetchedAt, a.authors(), a.categories());
    }
}
