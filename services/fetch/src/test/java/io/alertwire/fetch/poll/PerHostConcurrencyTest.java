package io.alertwire.fetch.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A slow host with many sources, and a fast host beside it, both real HTTP servers. */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class PerHostConcurrencyTest {

    private static final int SLOW_MS = 2000;
    private static final int SLOW_SOURCES = 6;

    private final String id = UUID.randomUUID().toString();

    private static boolean fetchedOk(JsonPath source) {
        return Integer.valueOf(200).equals(source.get("lastStatus"));
    }

    @Test
    void slowHostGetsAtMostTwoFetchesAtOnceAndDoesNotHoldUpOtherHosts() {
        WireMockServer slow = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        WireMockServer fast = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        slow.start();
        fast.start();
        try {
            List<String> slowIds = new ArrayList<>();
            for (int i = 0; i < SLOW_SOURCES; i++) {
                String path = "/" + id + "/slow-" + i + ".xml";
                slow.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withFixedDelay(SLOW_MS)
                        .withHeader("Content-Type", "application/rss+xml")
                        .withBody(Feeds.load("rss2.xml", id + "-" + i))));
                slowIds.add(Api.createSource(slow.baseUrl() + path));
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> slowFeedRequests(slow) >= 1);

            String fastPath = "/" + id + "/fast.xml";
            fast.stubFor(get(urlEqualTo(fastPath)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/rss+xml").withBody(Feeds.load("rss2.xml", id + "-fast"))));
            String fastId = Api.createSource(fast.baseUrl() + fastPath);
            await().atMost(Duration.ofSeconds(15)).until(() -> Api.source(fastId), PerHostConcurrencyTest::fetchedOk);
            assertTrue(slowFeedRequests(slow) < SLOW_SOURCES,
                    "the fast host is fetched before the slow host's backlog is through");

            for (String slowId : slowIds) {
                JsonPath source = await().atMost(Duration.ofSeconds(40))
                        .until(() -> Api.source(slowId), PerHostConcurrencyTest::fetchedOk);
                assertEquals(0, source.getInt("consecutiveFailures"), "waiting for a free slot is not a failure");
            }
            assertEquals(SLOW_SOURCES, slowFeedRequests(slow), "each slow source fetched once");
            assertTrue(mostAtOnce(slow) <= 2, "at most 2 fetches at once to the slow host, were " + mostAtOnce(slow));
        } finally {
            slow.stop();
            fast.stop();
        }
    }

    private int slowFeedRequests(WireMockServer slow) {
        return slow.countRequestsMatching(getRequestedFor(urlPathMatching("/" + id + "/slow-.*")).build()).getCount();
    }

    /** The largest number of slow responses in progress at one moment (each takes SLOW_MS). */
    private int mostAtOnce(WireMockServer slow) {
        List<Instant> starts = slow.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith("/" + id + "/slow-"))
                .map(event -> event.getRequest().getLoggedDate().toInstant())
                .sorted().toList();
        int most = 0;
        for (Instant start : starts) {
            // still in progress at this start: began before it, less than SLOW_MS (minus slack) ago
            long atOnce = starts.stream()
                    .filter(other -> !other.isAfter(start) && Duration.between(other, start).toMillis() < SLOW_MS - 100)
                    .count();
            most = Math.max(most, (int) atOnce);
        }
        return most;
    }
}
