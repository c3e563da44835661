package io.alertwire.fetch.robots;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.alertwire.fetch.feeds.Api;
import io.alertwire.fetch.feeds.Feeds;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * robots.txt as a real host serves it. Every test has a host (server) of its own, because what a
 * host's robots.txt said is remembered for a day.
 */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class RobotsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String id = UUID.randomUUID().toString();
    private WireMockServer host;

    @BeforeEach
    void startHost() {
        host = new WireMockServer(WireMockConfiguration.options().dynamicPort().gzipDisabled(true));
        host.start();
    }

    @AfterEach
    void stopHost() {
        host.stop();
    }

    private void robotsTxt(int status, String body) {
        host.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "text/plain").withBody(body)));
    }

    /** Serves an RSS feed at a path and returns its URL. */
    private String feed(String path) {
        host.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withBody(Feeds.load("rss2.xml", id + path))));
        return host.baseUrl() + path;
    }

    private int requests(String path) {
        return host.countRequestsMatching(getRequestedFor(urlEqualTo(path)).build()).getCount();
    }

    private static JsonPath awaitSource(String sourceId, Predicate<JsonPath> condition) {
        return await().atMost(PATIENCE).until(() -> Api.source(sourceId), condition);
    }

    private static boolean fetchedOk(JsonPath source) {
        return Integer.valueOf(200).equals(source.get("lastStatus"));
    }

    @Test
    void disallowedFeedFailsWithAReadableReasonAndIsRetriedLater() {
        robotsTxt(200, "User-agent: *\nDisallow:\n\nUser-agent: Alertwire\nDisallow: /private/\n");
        String blocked = Api.createSource(feed("/private/" + id + ".xml"));
        String allowed = Api.createSource(feed("/public/" + id + ".xml"));

        JsonPath failing = awaitSource(blocked, s -> s.getInt("consecutiveFailures") >= 1);
        assertEquals("disallowed by robots.txt of localhost:" + host.port(), failing.getString("lastError"));
        assertEquals(Duration.ofMinutes(2), Duration.between(Instant.parse(failing.getString("lastFetchedAt")),
                Instant.parse(failing.getString("nextFetchAt"))), "retried with the usual back-off");
        awaitSource(allowed, RobotsTest::fetchedOk);
        assertEquals(0, requests("/private/" + id + ".xml"), "a disallowed feed is never requested");
        assertEquals(1, requests("/robots.txt"), "both sources use one robots.txt request");
    }

    @Test
    void missingRobotsTxtAllowsEverything() {
        String sourceId = Api.createSource(feed("/" + id + "/feed.xml"));

        awaitSource(sourceId, RobotsTest::fetchedOk);
        assertEquals(1, requests("/robots.txt"));
    }

    @Test
    void unavailableRobotsTxtDefersTheHost() {
        robotsTxt(503, "down for maintenance");
        String path = "/" + id + "/feed.xml";
        String sourceId = Api.createSource(feed(path));

        JsonPath failing = awaitSource(sourceId, s -> s.getInt("consecutiveFailures") >= 1);
        assertEquals("robots.txt of localhost:" + host.port() + " unavailable (HTTP 503); fetching deferred",
                failing.getString("lastError"));
        assertEquals(0, requests(path), "no feed is fetched while robots.txt cannot be read");
    }

    @Test
    void crawlDelaySpacesFetchesToTheHost() {
        robotsTxt(200, "User-agent: alertwire\nCrawl-delay: 2\nDisallow: /admin/\n");
        List<String> sourceIds = List.of(
                Api.createSource(feed("/" + id + "/a.xml")),
                Api.createSource(feed("/" + id + "/b.xml")),
                Api.createSource(feed("/" + id + "/c.xml")));

        for (String sourceId : sourceIds) {
            JsonPath source = awaitSource(sourceId, RobotsTest::fetchedOk);
            assertEquals(0, source.getInt("consecutiveFailures"), "waiting for its turn is not a failure");
        }
        List<Instant> fetches = host.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith("/" + id + "/"))
                .map(event -> event.getRequest().getLoggedDate().toInstant())
                .sorted().toList();
        assertEquals(3, fetches.size(), fetches.toString());
        for (int i = 1; i < fetches.size(); i++) {
            Duration gap = Duration.between(fetches.get(i - 1), fetches.get(i));
            assertTrue(gap.compareTo(Duration.ofMillis(1900)) >= 0, "fetches 2 s apart, were " + gap);
        }
    }
}
