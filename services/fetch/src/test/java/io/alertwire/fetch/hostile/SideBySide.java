package io.alertwire.fetch.hostile;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alertwire.fetch.article.CanonicalUrl;
import io.alertwire.fetch.feeds.Api;
import io.alertwire.fetch.feeds.ArticleTopic;
import io.alertwire.fetch.feeds.Feeds;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Polls a hostile source next to a healthy one and checks what an operator relies on: the hostile
 * source fails with a readable reason, the healthy one still publishes, the service stays ready.
 */
final class SideBySide {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private SideBySide() {
    }

    /**
     * Creates both sources, waits for the hostile one to fail and the good one to publish.
     *
     * @param goodUrl a URL serving {@code rss2.xml} filled with {@code id}
     * @return the hostile source as {@code GET /api/sources/{id}} shows it
     */
    static JsonPath onlyHostileFails(String hostileUrl, String goodUrl, String id, ArticleTopic topic,
            String reasonStart) {
        String hostileId = Api.createSource(hostileUrl);
        String goodId = Api.createSource(goodUrl);

        JsonPath failing = awaitSource(hostileId, s -> s.getInt("consecutiveFailures") >= 1);
        String reason = failing.getString("lastError");
        assertTrue(reason != null && reason.startsWith(reasonStart), "reason shown to the operator: " + reason);
        assertTrue(Api.admin().get("/api/articles?sourceId=" + hostileId).then().statusCode(200)
                .extract().jsonPath().getList("$").isEmpty(), "the hostile source produced no article");

        awaitArticle(topic, "https://news.example.com/" + id + "/talks?id=7");
        JsonPath good = Api.source(goodId);
        assertEquals(0, good.getInt("consecutiveFailures"), "the healthy source is unaffected");
        assertEquals(200, good.getInt("lastStatus"));
        assertReady();
        return failing;
    }

    static String goodFeed(com.github.tomakehurst.wiremock.WireMockServer server, String baseUrl, String id) {
        String path = "/" + id + "/good.xml";
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(path)).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/rss+xml").withBody(Feeds.load("rss2.xml", id))));
        return baseUrl + path;
    }

    static JsonPath awaitSource(String sourceId, Predicate<JsonPath> condition) {
        return await().atMost(PATIENCE).until(() -> Api.source(sourceId), condition);
    }

    static void awaitArticle(ArticleTopic topic, String canonicalUrl) {
        String key = CanonicalUrl.articleId(canonicalUrl);
        await().atMost(PATIENCE).until(() -> topic.withKey(key), records -> !records.isEmpty());
    }

    static void assertReady() {
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
