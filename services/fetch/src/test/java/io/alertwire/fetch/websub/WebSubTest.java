package io.alertwire.fetch.websub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.alertwire.events.ArticleEvent;
import io.alertwire.events.EventJson;
import io.alertwire.fetch.article.CanonicalUrl;
import io.alertwire.fetch.feeds.Api;
import io.alertwire.fetch.feeds.ArticleTopic;
import io.alertwire.fetch.feeds.Metrics;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WebSub end to end: a feed served by WireMock names a hub (a real HTTP server); the running service
 * discovers it, subscribes, is verified and receives signed pushes through its public callback.
 */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class WebSubTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static WireMockServer feeds;
    private static TestHub hub;
    private static ArticleTopic topic;

    private final String id = UUID.randomUUID().toString();

    @BeforeAll
    static void start() {
        feeds = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        feeds.start();
        hub = new TestHub();
        topic = new ArticleTopic();
    }

    @AfterAll
    static void stop() {
        topic.close();
        hub.close();
        feeds.stop();
    }

    /** An RSS feed naming {@code hubUrl} as its hub and itself as the topic; returns the topic URL. */
    private String serveFeedWithHub(String hubUrl) {
        String path = "/" + id + "/feed.xml";
        String url = feeds.baseUrl() + path;
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
                  <title>Pushed news</title>
                  <atom:link rel="hub" href="%s"/>
                  <atom:link rel="self" type="application/rss+xml" href="%s"/>
                  <item><title>Polled story</title><link>https://push.example.com/%s/polled</link></item>
                </channel></rss>
                """.formatted(hubUrl, url, id);
        feeds.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withBody(rss)));
        return url;
    }

    /** An Atom document as a hub pushes it, with one entry. */
    private String pushed(String slug, String title) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Pushed news</title><id>urn:x</id>
                  <updated>%s</updated>
                  <entry><title>%s</title><id>urn:%s</id><updated>%s</updated>
                    <link href="https://push.example.com/%s/%s"/></entry>
                </feed>
                """.formatted(Instant.now(), title, slug, Instant.now(), id, slug);
    }

    private String articleKey(String slug) {
        return CanonicalUrl.articleId("https://push.example.com/" + id + "/" + slug);
    }

    private static Map<String, String> awaitSubscriptionRequest(String topicUrl) {
        return await().atMost(PATIENCE).until(() -> hub.requestsFor(topicUrl), r -> !r.isEmpty()).get(0);
    }

    private static JsonPath webSub(String sourceId) {
        return Api.admin().get("/api/sources/" + sourceId + "/websub").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitWebSub(String sourceId, String state) {
        return await().atMost(PATIENCE).until(() -> Api.admin().get("/api/sources/" + sourceId + "/websub")
                .then().extract(), r -> r.statusCode() == 200 && state.equals(r.path("state"))).jsonPath();
    }

    private static List<String> articleUrls(String sourceId) {
        return Api.admin().get("/api/articles?sourceId=" + sourceId).then().statusCode(200).extract().jsonPath()
                .getList("url");
    }

    private static Duration scheduled(JsonPath source) {
        return Duration.between(Instant.parse(source.getString("lastFetchedAt")),
                Instant.parse(source.getString("nextFetchAt")));
    }

    @Test
    void subscribesToTheHubAndPublishesSignedPushedArticles() {
        String topicUrl = serveFeedWithHub(hub.hub("/hub", 202));
        String sourceId = Api.createSource(topicUrl);

        Map<String, String> request = awaitSubscriptionRequest(topicUrl);
        assertEquals("subscribe", request.get("hub.mode"));
        assertEquals(TestHub.PUBLIC_BASE_URL + "/websub/" + sourceId, request.get("hub.callback"));
        assertEquals("864000", request.get("hub.lease_seconds"));
        assertTrue(request.get("hub.secret").length() >= 32, "a random secret per subscription");
        assertEquals("application/x-www-form-urlencoded", request.get("contentType"));
        assertEquals("PENDING", webSub(sourceId).getString("state"));

        HttpResponse<String> verified = hub.verify(request, "subscribe", topicUrl, "challenge-" + id, 3600L);
        assertEquals(200, verified.statusCode());
        assertEquals("challenge-" + id, verified.body());
        JsonPath active = webSub(sourceId);
        assertEquals("ACTIVE", active.getString("state"));
        assertEquals(3600, active.getInt("leaseSeconds"));
        assertFalse(active.getMap("$").containsKey("secret"), "the secret is never shown");

        HttpResponse<String> push = hub.push(request, "application/atom+xml", pushed("breaking", "Envoys meet"),
                "sha256", request.get("hub.secret"));
        assertEquals(202, push.statusCode());
        ConsumerRecord<String, String> record = await().atMost(PATIENCE)
                .until(() -> topic.withKey(articleKey("breaking")), r -> !r.isEmpty()).get(0);
        ArticleEvent article = EventJson.read(record.value(), ArticleEvent.class);
        assertEquals("Envoys meet", article.title());
        assertEquals(sourceId, article.sourceId());
        assertTrue(articleUrls(sourceId).contains("https://push.example.com/" + id + "/breaking"));
        assertTrue(webSub(sourceId).getString("lastPushAt") != null);

        // sha512 is as good as sha256; the article the poll already found is not published again
        String again = pushed("polled", "Polled story");
        assertEquals(202, hub.push(request, "application/atom+xml", again, "sha512", request.get("hub.secret"))
                .statusCode());
        await().atMost(PATIENCE).until(() -> topic.withKey(articleKey("polled")), r -> !r.isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> topic.withKey(articleKey("polled")).size() == 1);
    }

    @Test
    void dropsPushesWithAMissingOrWrongSignature() {
        String topicUrl = serveFeedWithHub(hub.hub("/hub", 202));
        String sourceId = Api.createSource(topicUrl);
        Map<String, String> request = awaitSubscriptionRequest(topicUrl);
        assertEquals(200, hub.verify(request, "subscribe", topicUrl, "c", null).statusCode());
        double before = Metrics.value("alertwire_fetch_websub_pushes_total{outcome=\"bad_signature\"}");

        // WebSub: answered 2xx all the same, so the hub learns nothing, but never used
        assertEquals(202, hub.push(request, "application/atom+xml", pushed("forged", "Forged"), "sha256",
                "not the secret").statusCode());
        assertEquals(202, hub.push(request, "application/atom+xml", pushed("unsigned", "Unsigned"), null, null)
                .statusCode());

        List<String> urls = articleUrls(sourceId);
        assertFalse(urls.contains("https://push.example.com/" + id + "/forged"), urls.toString());
        assertFalse(urls.contains("https://push.example.com/" + id + "/unsigned"), urls.toString());
        assertEquals(before + 2, Metrics.value("alertwire_fetch_websub_pushes_total{outcome=\"bad_signature\"}"));
        assertTrue(topic.withKey(articleKey("forged")).isEmpty());
    }

    @Test
    void refusesVerificationOfATopicItDidNotSubscribeTo() {
        String topicUrl = serveFeedWithHub(hub.hub("/hub", 202));
        String sourceId = Api.createSource(topicUrl);
        Map<String, String> request = awaitSubscriptionRequest(topicUrl);

        assertEquals(404, hub.verify(request, "subscribe", topicUrl + "?other", "c", 60L).statusCode());
        assertEquals(404, hub.verify(request, "unsubscribe", topicUrl, "c", null).statusCode(),
                "the service never asks to unsubscribe");
        assertEquals("PENDING", webSub(sourceId).getString("state"));
        // public, no admin token: an unknown source or a malformed id is simply not found
        given().queryParam("hub.mode", "subscribe").queryParam("hub.topic", topicUrl)
                .queryParam("hub.challenge", "c").get("/websub/999999999").then().statusCode(404);
        given().queryParam("hub.mode", "subscribe").queryParam("hub.topic", topicUrl)
                .queryParam("hub.challenge", "c").get("/websub/abc").then().statusCode(404);
        given().contentType("application/atom+xml").body("<feed/>").post("/websub/999999999").then().statusCode(410);
    }

    @Test
    void pollsNormallyWhenTheHubFailsAndOnlyAsASafetyNetWhileSubscribed() {
        String failingTopic = serveFeedWithHub(hub.hub("/broken-hub", 500));
        String failingId = Api.createSource(failingTopic);
        awaitSubscriptionRequest(failingTopic);
        JsonPath failed = awaitWebSub(failingId, "FAILED");
        assertEquals("hub answered HTTP 500", failed.getString("lastError"));

        Instant before = Instant.parse(Api.source(failingId).getString("lastFetchedAt"));
        Api.admin().post("/api/sources/" + failingId + "/fetch").then().statusCode(202);
        JsonPath polled = await().atMost(PATIENCE).until(() -> Api.source(failingId),
                s -> Instant.parse(s.getString("lastFetchedAt")).isAfter(before));
        Duration interval = Duration.parse(polled.getString("currentPollInterval"));
        assertTrue(scheduled(polled).compareTo(interval.multipliedBy(11).dividedBy(10)) <= 0
                && interval.compareTo(Duration.ofMinutes(10)) < 0,
                "polled at its adaptive interval, minutes, not the safety net: " + scheduled(polled));

        // the same feed with a hub that works: once verified, polling is only a 6-hour safety net
        String workingTopic = feeds.baseUrl() + "/" + id + "-ok/feed.xml";
        feeds.stubFor(get(urlEqualTo("/" + id + "-ok/feed.xml")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml")
                .withHeader("Link", "<" + hub.hub("/hub", 202) + ">; rel=\"hub\"")
                .withBody("<rss version=\"2.0\"><channel><title>t</title></channel></rss>")));
        String workingId = Api.createSource(workingTopic);
        Map<String, String> request = awaitSubscriptionRequest(workingTopic);
        assertEquals(200, hub.verify(request, "subscribe", workingTopic, "c", 86400L).statusCode());
        Instant firstFetch = Instant.parse(Api.source(workingId).getString("lastFetchedAt"));
        Api.admin().post("/api/sources/" + workingId + "/fetch").then().statusCode(202);
        JsonPath subscribed = await().atMost(PATIENCE).until(() -> Api.source(workingId),
                s -> Instant.parse(s.getString("lastFetchedAt")).isAfter(firstFetch));
        assertTrue(scheduled(subscribed).compareTo(Duration.ofHours(6)) >= 0, scheduled(subscribed).toString());
    }

    @Test
    void renewsBeforeTheLeaseEndsAndPollsAgainWhenItLapses() {
        String topicUrl = serveFeedWithHub(hub.hub("/hub", 202));
        String sourceId = Api.createSource(topicUrl);
        Map<String, String> request = awaitSubscriptionRequest(topicUrl);
        Instant firstFetch = Instant.parse(Api.source(sourceId).getString("lastFetchedAt"));

        // a 2-second lease: renewed after 1 s (half the lease), and it lapses since the hub never verifies again
        assertEquals(200, hub.verify(request, "subscribe", topicUrl, "c", 2L).statusCode());
        List<Map<String, String>> renewals = await().atMost(PATIENCE)
                .until(() -> hub.requestsFor(topicUrl), r -> r.size() >= 2);
        assertEquals(request.get("hub.secret"), renewals.get(1).get("hub.secret"), "a renewal keeps the secret");
        // the lease lapses: the source is polled again at once, and the hub asked again
        await().atMost(PATIENCE).until(() -> Instant.parse(Api.source(sourceId).getString("lastFetchedAt"))
                .isAfter(firstFetch));
        assertTrue(List.of("PENDING", "EXPIRED").contains(webSub(sourceId).getString("state")));
        List<Map<String, String>> latest = hub.requestsFor(topicUrl);
        assertEquals(200, hub.verify(latest.get(latest.size() - 1), "subscribe", topicUrl, "c", 3600L).statusCode(),
                "a lapsed subscription can be verified again");
        assertEquals("ACTIVE", webSub(sourceId).getString("state"));
    }

    @Test
    void recordsADenialAndKeepsPolling() {
        String topicUrl = serveFeedWithHub(hub.hub("/hub", 202));
        String sourceId = Api.createSource(topicUrl);
        Map<String, String> request = awaitSubscriptionRequest(topicUrl);

        HttpResponse<String> denied = hub.verify(request, "denied", topicUrl, null, null);
        assertEquals(200, denied.statusCode());
        JsonPath state = webSub(sourceId);
        assertEquals("DENIED", state.getString("state"));
        assertEquals("denied by the hub: no reason given", state.getString("lastError"));
        assertTrue(scheduled(Api.source(sourceId)).compareTo(Duration.ofMinutes(10)) < 0, "polled as before");
    }

    @Test
    void aHubMayEndAnActiveSubscriptionAndPollingTakesOver() {
        String topicUrl = serveFeedWithHub(hub.hub("/hub", 202));
        String sourceId = Api.createSource(topicUrl);
        Map<String, String> request = awaitSubscriptionRequest(topicUrl);
        assertEquals(200, hub.verify(request, "subscribe", topicUrl, "c", 3600L).statusCode());
        assertEquals("ACTIVE", webSub(sourceId).getString("state"));

        assertEquals(200, hub.deny(request, topicUrl, "topic gone").statusCode());

        JsonPath state = webSub(sourceId);
        assertEquals("DENIED", state.getString("state"));
        assertEquals("denied by the hub: topic gone", state.getString("lastError"));
        JsonPath polled = fetchAgain(sourceId);
        assertTrue(scheduled(polled).compareTo(Duration.ofMinutes(10)) < 0,
                "its adaptive interval again, not the 6-hour safety net: " + scheduled(polled));
    }

    private static JsonPath fetchAgain(String sourceId) {
        Instant before = Instant.parse(Api.source(sourceId).getString("lastFetchedAt"));
        Api.admin().post("/api/sources/" + sourceId + "/fetch").then().statusCode(202);
        return await().atMost(PATIENCE).until(() -> Api.source(sourceId),
                s -> Instant.parse(s.getString("lastFetchedAt")).isAfter(before));
    }
}
