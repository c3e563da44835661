package io.alertwire.fetch.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.alertwire.events.ArticleEvent;
import io.alertwire.events.EventJson;
import io.alertwire.events.EventTopics;
import io.alertwire.fetch.article.CanonicalUrl;
import io.alertwire.fetch.feeds.Api;
import io.alertwire.fetch.feeds.ArticleTopic;
import io.alertwire.fetch.feeds.Feeds;
import io.alertwire.fetch.feeds.Metrics;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sources served by a real HTTP server, polled by the real scheduler, published to the real broker. */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class PollingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static WireMockServer feeds;
    private static ArticleTopic topic;

    private final String id = UUID.randomUUID().toString();

    @BeforeAll
    static void start() {
        // gzip off: the tests that want gzip send it themselves, byte for byte
        feeds = new WireMockServer(WireMockConfiguration.options().dynamicPort().gzipDisabled(true));
        feeds.start();
        topic = new ArticleTopic();
    }

    @AfterAll
    static void stop() {
        topic.close();
        feeds.stop();
    }

    /** Serves a body at a path unique to this test and returns the feed URL. */
    private String serve(String name, String contentType, String body) {
        String path = "/" + id + "/" + name;
        feeds.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(body)));
        return feeds.baseUrl() + path;
    }

    private static String keyOf(String canonicalUrl) {
        return CanonicalUrl.articleId(canonicalUrl);
    }

    private static List<ConsumerRecord<String, String>> awaitRecord(String key) {
        return await().atMost(PATIENCE).until(() -> topic.withKey(key), records -> !records.isEmpty());
    }

    /** Once the first copy arrived, no second copy of the record may follow. */
    private static void assertPublishedOnce(String key) {
        awaitRecord(key);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> topic.withKey(key).size() == 1);
    }

    private static JsonPath awaitSource(String sourceId, java.util.function.Predicate<JsonPath> condition) {
        return await().atMost(PATIENCE).until(() -> Api.source(sourceId), condition);
    }

    @Test
    void publishesRss2ItemsToTheArticlesTopic() {
        String url = serve("rss.xml", "application/rss+xml; charset=utf-8", Feeds.load("rss2.xml", id));
        String sourceId = Api.createSource(Map.of("url", url, "name", "Korea Desk", "pollInterval", "PT1M"));

        String canonical = "https://news.example.com/" + id + "/talks?id=7";
        String key = keyOf(canonical);
        ConsumerRecord<String, String> record = awaitRecord(key).get(0);

        assertEquals(EventTopics.ARTICLE_TYPE, KafkaCompanion.getHeader(record.headers(), "ce_type"));
        assertEquals(key, KafkaCompanion.getHeader(record.headers(), "ce_id"));
        assertEquals(EventTopics.FETCH_SOURCE, KafkaCompanion.getHeader(record.headers(), "ce_source"));
        // %test runs with tracing on: the relay's send starts the article's trace (W3C trace context, sampled)
        String traceparent = KafkaCompanion.getHeader(record.headers(), "traceparent");
        assertNotNull(traceparent, "the article record carries a traceparent header");
        assertTrue(traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), traceparent);
        ArticleEvent article = EventJson.read(record.value(), ArticleEvent.class);
        assertEquals(key, article.articleId());
        assertEquals(canonical, article.canonicalUrl());
        assertEquals(sourceId, article.sourceId());
        assertEquals("Korea Desk", article.sourceName());
        assertEquals("Seoul proposes talks with Pyongyang", article.title());
        assertEquals("The unification ministry proposed talks & a hotline.", article.summary());
        assertEquals("Full text: the ministry proposed talks. Second paragraph.", article.content());
        assertEquals("en", article.language());
        assertEquals(List.of("Kim Min-ji"), article.authors());
        assertEquals(List.of("Politics", "North Korea"), article.categories());
        assertNotNull(article.publishedAt());
        assertNotNull(article.fetchedAt());

        awaitRecord(keyOf("https://news.example.com/" + id + "/guid-only"));
        JsonPath source = awaitSource(sourceId, s -> "rss".equals(s.getString("kind")));
        assertEquals(200, source.getInt("lastStatus"));
        assertEquals(0, source.getInt("consecutiveFailures"));
        assertNull(source.get("lastError"));
        // the old entry is not published
        assertTrue(topic.withKey(keyOf("https://news.example.com/" + id + "/old")).isEmpty());
        // operators see what was found and that it went out
        List<Map<String, Object>> listed = Api.admin().get("/api/articles?sourceId=" + sourceId)
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(2, listed.size());
    }

    @Test
    void publishesAtom1Entries() {
        String url = serve("atom.xml", "application/atom+xml", Feeds.load("atom.xml", id));
        String sourceId = Api.createSource(url);

        ConsumerRecord<String, String> record =
                awaitRecord(keyOf("https://atom.example.com/" + id + "/summit?page=2")).get(0);
        ArticleEvent article = EventJson.read(record.value(), ArticleEvent.class);
        assertEquals("남북 회담 제안", article.title());
        assertEquals("Full content of the report", article.content());
        assertEquals(sourceId, article.sourceId());
        awaitRecord(keyOf("https://atom.example.com/" + id + "/updated-only"));
        awaitSource(sourceId, s -> "atom".equals(s.getString("kind")));
    }

    @Test
    void decompressesGzipResponses() throws IOException {
        String path = "/" + id + "/gzip.xml";
        feeds.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withHeader("Content-Encoding", "gzip")
                .withBody(gzip(Feeds.load("rss2.xml", id).getBytes(StandardCharsets.UTF_8)))));
        Api.createSource(feeds.baseUrl() + path);

        awaitRecord(keyOf("https://news.example.com/" + id + "/talks?id=7"));
        feeds.verify(getRequestedFor(urlEqualTo(path)).withHeader("Accept-Encoding", equalTo("gzip"))
                .withHeader("User-Agent", equalTo("Alertwire/0.1 (+https://alertwire.io)")));
    }

    @Test
    void sendsValidatorsAndPublishesNothingNewOn304() {
        String path = "/" + id + "/etag.xml";
        feeds.stubFor(get(urlEqualTo(path)).atPriority(1)
                .withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
        feeds.stubFor(get(urlEqualTo(path)).atPriority(5).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml")
                .withHeader("ETag", "\"v1\"")
                .withHeader("Last-Modified", "Sat, 28 Nov 2026 08:00:00 GMT")
                .withBody(Feeds.load("rss2.xml", id))));
        String sourceId = Api.createSource(feeds.baseUrl() + path);
        String key = keyOf("https://news.example.com/" + id + "/talks?id=7");
        awaitRecord(key);
        awaitSource(sourceId, s -> Integer.valueOf(200).equals(s.get("lastStatus")));

        Api.admin().post("/api/sources/" + sourceId + "/fetch").then().statusCode(202);

        JsonPath source = awaitSource(sourceId, s -> Integer.valueOf(304).equals(s.get("lastStatus")));
        assertEquals(0, source.getInt("consecutiveFailures"));
        feeds.verify(getRequestedFor(urlEqualTo(path)).withHeader("If-None-Match", equalTo("\"v1\""))
                .withHeader("If-Modified-Since", equalTo("Sat, 28 Nov 2026 08:00:00 GMT")));
        assertPublishedOnce(key);
        assertEquals(2, Api.admin().get("/api/articles?sourceId=" + sourceId).then().statusCode(200)
                .extract().jsonPath().getList("$").size());
    }

    @Test
    void recordsTheSameBodyFromAServerWithoutValidatorsAsUnchangedAndStillSeesChanges() {
        // no ETag, no Last-Modified: the server sends the whole feed every time; its ttl is 3 hours
        String feed = Feeds.load("rss2.xml", id).replace("<language>", "<ttl>180</ttl><language>");
        String url = serve("no-validators.xml", "application/rss+xml", feed);
        String sourceId = Api.createSource(url);
        awaitRecord(keyOf("https://news.example.com/" + id + "/talks?id=7"));
        String firstFetch = awaitSource(sourceId, s -> s.get("lastFetchedAt") != null).getString("lastFetchedAt");
        double unchangedBefore = Metrics.value("alertwire_fetch_fetches_total{outcome=\"unchanged\"}");

        Api.admin().post("/api/sources/" + sourceId + "/fetch").then().statusCode(202);

        JsonPath again = awaitSource(sourceId, s -> !firstFetch.equals(s.getString("lastFetchedAt")));
        assertEquals(200, again.getInt("lastStatus"));
        assertEquals(0, again.getInt("consecutiveFailures"));
        assertEquals(Duration.ofHours(3), scheduled(again), "the remembered ttl still holds, unparsed");
        assertTrue(Metrics.value("alertwire_fetch_fetches_total{outcome=\"unchanged\"}") > unchangedBefore,
                "the identical body was recorded as unchanged");

        // one byte more is a new body: parsed, and its new item published
        String newItem = "<item><title>Envoys meet again</title><link>https://news.example.com/" + id
                + "/again</link></item>";
        serve("no-validators.xml", "application/rss+xml", feed.replace("</channel>", newItem + "</channel>"));
        Api.admin().post("/api/sources/" + sourceId + "/fetch").then().statusCode(202);
        assertPublishedOnce(keyOf("https://news.example.com/" + id + "/again"));
    }

    @Test
    void publishesAnArticleFoundInTwoFeedsOnce() {
        String first = serve("a.xml", "application/rss+xml", Feeds.load("shared-item.xml",
                Map.of("id", id, "title", "first")));
        String second = serve("b.xml", "application/rss+xml", Feeds.load("shared-item.xml",
                Map.of("id", id, "title", "second")));
        String firstId = Api.createSource(first);
        String secondId = Api.createSource(second);

        awaitSource(firstId, s -> Integer.valueOf(200).equals(s.get("lastStatus")));
        awaitSource(secondId, s -> Integer.valueOf(200).equals(s.get("lastStatus")));
        assertPublishedOnce(keyOf("https://wire.example.com/" + id + "/story"));
    }

    @Test
    void backsOffAfterServerError() {
        String path = "/" + id + "/down.xml";
        feeds.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(503).withBody("maintenance")));
        String sourceId = Api.createSource(feeds.baseUrl() + path);

        JsonPath failing = awaitSource(sourceId, s -> s.getInt("consecutiveFailures") >= 1);
        assertEquals("HTTP 503", failing.getString("lastError"));
        assertEquals(503, failing.getInt("lastStatus"));
        Duration delay = Duration.between(Instant.parse(failing.getString("lastFetchedAt")),
                Instant.parse(failing.getString("nextFetchAt")));
        assertEquals(Duration.ofMinutes(2), delay, "a 1-minute source backs off to 2 minutes after one failure");
    }

    @Test
    void countsFetchesAndPublishedArticles() {
        Api.createSource(serve("metrics.xml", "application/rss+xml", Feeds.load("rss2.xml", id)));
        awaitRecord(keyOf("https://news.example.com/" + id + "/talks?id=7"));

        await().atMost(PATIENCE).untilAsserted(() -> io.restassured.RestAssured.get("/q/metrics").then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("alertwire_fetch_fetches_total{outcome=\"ok\"}"))
                .body(org.hamcrest.Matchers.containsString("alertwire_fetch_articles_published_total")));
    }

    @Test
    void deletedSourceKeepsItsArticlesRemembered() {
        String url = serve("deleted.xml", "application/rss+xml", Feeds.load("rss2.xml", id));
        String sourceId = Api.createSource(url);
        String key = keyOf("https://news.example.com/" + id + "/talks?id=7");
        awaitRecord(key);
        awaitSource(sourceId, s -> Integer.valueOf(200).equals(s.get("lastStatus")));

        Api.admin().delete("/api/sources/" + sourceId).then().statusCode(204);
        String again = Api.createSource(url);

        awaitSource(again, s -> Integer.valueOf(200).equals(s.get("lastStatus")));
        assertPublishedOnce(key);
    }

    @Test
    void publishesJsonFeedAndNewsSitemapItems() {
        String json = serve("feed.json", "application/feed+json", Feeds.load("jsonfeed.json", id));
        // the kind comes from the content: a sitemap served as text/plain is still a sitemap
        String sitemap = serve("news.xml", "text/plain", Feeds.load("news-sitemap.xml", id));
        String jsonId = Api.createSource(json);
        String sitemapId = Api.createSource(sitemap);

        ArticleEvent envoy = EventJson.read(awaitRecord(keyOf("https://json.example.com/" + id + "/envoy")).get(0).value(),
                ArticleEvent.class);
        assertEquals("Envoy to visit Pyongyang", envoy.title());
        ArticleEvent hotline = EventJson.read(
                awaitRecord(keyOf("https://sitemap.example.com/" + id + "/hotline-restored")).get(0).value(),
                ArticleEvent.class);
        assertEquals("남북 통신선 복원", hotline.title());
        assertEquals("ko", hotline.language());
        awaitSource(jsonId, s -> "jsonfeed".equals(s.getString("kind")));
        awaitSource(sitemapId, s -> "news-sitemap".equals(s.getString("kind")));
    }

    @Test
    void guessesTheLanguageOfArticlesWhoseFeedDeclaresNone() {
        String url = serve("undeclared.xml", "application/rss+xml",
                Feeds.load("rss2.xml", id).replace("<language>en-US</language>", ""));
        Api.createSource(url);

        ArticleEvent article = EventJson.read(awaitRecord(keyOf("https://news.example.com/" + id + "/talks?id=7"))
                .get(0).value(), ArticleEvent.class);
        assertEquals("en", article.language());
    }

    private static Duration scheduled(JsonPath source) {
        return Duration.between(Instant.parse(source.getString("lastFetchedAt")),
                Instant.parse(source.getString("nextFetchAt")));
    }

    @Test
    void honoursRetryAfterSecondsOn429() {
        String path = "/" + id + "/busy.xml";
        feeds.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        String sourceId = Api.createSource(feeds.baseUrl() + path);

        JsonPath failing = awaitSource(sourceId, s -> s.getInt("consecutiveFailures") >= 1);
        assertEquals(429, failing.getInt("lastStatus"));
        assertTrue(failing.getString("lastError").startsWith("HTTP 429, asked to retry after"), failing.getString("lastError"));
        Duration delay = scheduled(failing);
        assertTrue(delay.compareTo(Duration.ofMinutes(59)) > 0 && delay.compareTo(Duration.ofMinutes(61)) < 0,
                "an hour, not the 2-minute back-off: " + delay);
    }

    @Test
    void boundsRetryAfterDateOn503ByTheMaximumBackOff() {
        String path = "/" + id + "/maintenance.xml";
        feeds.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "Fri, 31 Dec 2100 23:59:59 GMT")));
        String sourceId = Api.createSource(feeds.baseUrl() + path);

        JsonPath failing = awaitSource(sourceId, s -> s.getInt("consecutiveFailures") >= 1);
        assertEquals(Duration.ofHours(24), scheduled(failing));
    }

    @Test
    void cacheControlAndTtlPushTheNextFetchLater() {
        String cached = "/" + id + "/cached.xml";
        feeds.stubFor(get(urlEqualTo(cached)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withHeader("Cache-Control", "public, max-age=7200")
                .withBody(Feeds.load("rss2.xml", id))));
        String ttl = serve("ttl.xml", "application/rss+xml", Feeds.load("rss2.xml", id + "-ttl")
                .replace("<language>", "<ttl>180</ttl><language>"));
        String cachedId = Api.createSource(feeds.baseUrl() + cached);
        String ttlId = Api.createSource(ttl);

        Duration byCache = scheduled(awaitSource(cachedId, s -> s.get("lastFetchedAt") != null));
        // max-age counts from the response, a moment before the fetch is recorded
        assertTrue(byCache.compareTo(Duration.ofMinutes(119)) > 0 && byCache.compareTo(Duration.ofHours(2)) <= 0,
                "two hours by Cache-Control, not the 1-minute interval: " + byCache);
        assertEquals(Duration.ofHours(3), scheduled(awaitSource(ttlId, s -> s.get("lastFetchedAt") != null)));
    }

    @Test
    void permanentRedirectUpdatesTheStoredUrlButTemporaryDoesNot() {
        String target = serve("new-home.xml", "application/rss+xml", Feeds.load("rss2.xml", id));
        String moved = "/" + id + "/moved.xml";
        String detour = "/" + id + "/detour.xml";
        feeds.stubFor(get(urlEqualTo(moved)).willReturn(aResponse().withStatus(301).withHeader("Location", target)));
        feeds.stubFor(get(urlEqualTo(detour)).willReturn(aResponse().withStatus(302).withHeader("Location", target)));
        String movedId = Api.createSource(feeds.baseUrl() + moved);
        String detourId = Api.createSource(feeds.baseUrl() + detour);

        awaitSource(movedId, s -> target.equals(s.getString("url")) && Integer.valueOf(200).equals(s.get("lastStatus")));
        JsonPath temporary = awaitSource(detourId, s -> Integer.valueOf(200).equals(s.get("lastStatus")));
        assertEquals(feeds.baseUrl() + detour, temporary.getString("url"));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
