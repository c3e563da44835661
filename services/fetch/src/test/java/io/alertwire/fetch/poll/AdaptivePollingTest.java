package io.alertwire.fetch.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.alertwire.fetch.feeds.Api;
import io.alertwire.fetch.feeds.Feeds;
import io.alertwire.fetch.feeds.Metrics;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The poll interval adapting to real fetches, and the fetch metrics those fetches move. */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class AdaptivePollingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static WireMockServer feeds;

    private final String id = UUID.randomUUID().toString();

    @BeforeAll
    static void start() {
        feeds = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        feeds.start();
    }

    @AfterAll
    static void stop() {
        feeds.stop();
    }

    private void serve(String path, String body) {
        feeds.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withBody(body)));
    }

    private static Duration scheduled(JsonPath source) {
        return Duration.between(Instant.parse(source.getString("lastFetchedAt")),
                Instant.parse(source.getString("nextFetchAt")));
    }

    private static JsonPath fetchAgain(String sourceId) {
        Instant before = Instant.parse(Api.source(sourceId).getString("lastFetchedAt"));
        Api.admin().post("/api/sources/" + sourceId + "/fetch").then().statusCode(202);
        return await().atMost(PATIENCE).until(() -> Api.source(sourceId),
                s -> Instant.parse(s.getString("lastFetchedAt")).isAfter(before));
    }

    private static JsonPath firstFetch(String sourceId) {
        return await().atMost(PATIENCE).until(() -> Api.source(sourceId), s -> s.get("lastFetchedAt") != null);
    }

    @Test
    void quietSourceIsPolledLessOften() {
        String path = "/" + id + "/quiet.xml";
        serve(path, Feeds.load("rss2.xml", id));
        String sourceId = Api.createSource(Map.of("url", feeds.baseUrl() + path, "pollInterval", "PT2M"));
        JsonPath first = firstFetch(sourceId);
        assertEquals("PT2M", first.getString("currentPollInterval"), "a first fetch finds a backlog, not a rate");

        JsonPath second = fetchAgain(sourceId);

        assertEquals("PT2M", second.getString("pollInterval"), "the user's choice stays");
        assertEquals("PT3M", second.getString("currentPollInterval"), "nothing new: half as long again");
        Duration next = scheduled(second);
        assertTrue(next.compareTo(Duration.ofSeconds(162)) >= 0 && next.compareTo(Duration.ofSeconds(198)) <= 0,
                "3 minutes ± 10% jitter: " + next);
    }

    @Test
    void notModifiedIsAQuietFetchAndTheServersMaxAgeIsHonoured() {
        String path = "/" + id + "/quiet-etag.xml";
        feeds.stubFor(get(urlEqualTo(path)).atPriority(1)
                .withHeader("If-None-Match", com.github.tomakehurst.wiremock.client.WireMock.equalTo("\"q1\""))
                .willReturn(aResponse().withStatus(304).withHeader("Cache-Control", "max-age=7200")));
        feeds.stubFor(get(urlEqualTo(path)).atPriority(5).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withHeader("ETag", "\"q1\"")
                .withBody(Feeds.load("rss2.xml", id + "-etag"))));
        String sourceId = Api.createSource(Map.of("url", feeds.baseUrl() + path, "pollInterval", "PT2M"));
        firstFetch(sourceId);

        JsonPath notModified = fetchAgain(sourceId);

        assertEquals(304, notModified.getInt("lastStatus"));
        assertEquals("PT3M", notModified.getString("currentPollInterval"), "nothing new: half as long again");
        Duration next = scheduled(notModified);
        assertTrue(next.compareTo(Duration.ofSeconds(7190)) >= 0 && next.compareTo(Duration.ofSeconds(7200)) <= 0,
                "the 2 hours of the 304's max-age, later than the interval: " + next);
    }

    @Test
    void busySourceIsPolledSoonerAndAnEditRestartsFromTheUsersChoice() {
        String path = "/" + id + "/busy.xml";
        serve(path, Feeds.load("rss2.xml", id));
        String sourceId = Api.createSource(Map.of("url", feeds.baseUrl() + path, "pollInterval", "PT10M"));
        firstFetch(sourceId);
        serve(path, Feeds.load("rss2.xml", id + "-more"));

        JsonPath busy = fetchAgain(sourceId);

        // two new articles seconds after the last fetch: halfway from 10 minutes to a few seconds
        Duration interval = Duration.parse(busy.getString("currentPollInterval"));
        assertTrue(interval.compareTo(Duration.ofMinutes(5)) >= 0 && interval.compareTo(Duration.ofSeconds(330)) < 0,
                "about 5 minutes, the minimum: " + interval);
        Duration next = scheduled(busy);
        assertTrue(next.compareTo(interval.multipliedBy(9).dividedBy(10)) >= 0
                && next.compareTo(interval.multipliedBy(11).dividedBy(10)) <= 0, "± 10% jitter: " + next);

        Api.admin().body(Map.of("pollInterval", "PT20M")).patch("/api/sources/" + sourceId).then().statusCode(200);
        assertEquals("PT20M", Api.source(sourceId).getString("currentPollInterval"));
    }

    @Test
    void fetchesMoveTheFetchMetrics() {
        double ok = Metrics.value("alertwire_fetch_fetches_total{outcome=\"ok\"}");
        double notModified = Metrics.value("alertwire_fetch_fetches_total{outcome=\"not_modified\"}");
        double failed = Metrics.value("alertwire_fetch_fetches_total{outcome=\"failed\"}");
        double timedOk = Metrics.value("alertwire_fetch_duration_seconds_count{outcome=\"ok\"}");
        double newArticles = Metrics.value("alertwire_fetch_articles_new_total{via=\"poll\"}");
        double published = Metrics.value("alertwire_fetch_articles_published_total");

        String path = "/" + id + "/etag.xml";
        feeds.stubFor(get(urlEqualTo(path)).atPriority(1)
                .withHeader("If-None-Match", com.github.tomakehurst.wiremock.client.WireMock.equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304)));
        feeds.stubFor(get(urlEqualTo(path)).atPriority(5).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withHeader("ETag", "\"v1\"")
                .withBody(Feeds.load("rss2.xml", id))));
        String sourceId = Api.createSource(feeds.baseUrl() + path);
        firstFetch(sourceId);
        fetchAgain(sourceId);
        String broken = "/" + id + "/broken.xml";
        feeds.stubFor(get(urlEqualTo(broken)).willReturn(aResponse().withStatus(500)));
        String brokenId = Api.createSource(feeds.baseUrl() + broken);
        await().atMost(PATIENCE).until(() -> Api.source(brokenId).getInt("consecutiveFailures") >= 1);

        assertTrue(Metrics.value("alertwire_fetch_fetches_total{outcome=\"ok\"}") >= ok + 1);
        assertTrue(Metrics.value("alertwire_fetch_fetches_total{outcome=\"not_modified\"}") >= notModified + 1);
        assertTrue(Metrics.value("alertwire_fetch_fetches_total{outcome=\"failed\"}") >= failed + 1);
        assertTrue(Metrics.value("alertwire_fetch_duration_seconds_count{outcome=\"ok\"}") >= timedOk + 1);
        assertTrue(Metrics.value("alertwire_fetch_articles_new_total{via=\"poll\"}") >= newArticles + 2);
        await().atMost(PATIENCE).until(
                () -> Metrics.value("alertwire_fetch_articles_published_total") >= published + 2);
        // refreshed every 15 s from the database
        await().atMost(PATIENCE).until(() -> Metrics.value("alertwire_fetch_hosts_backing_off") >= 1);
        String text = io.restassured.RestAssured.get("/q/metrics").asString();
        assertTrue(text.contains("alertwire_fetch_duration_seconds_bucket{outcome=\"ok\""), "a histogram");
    }
}
