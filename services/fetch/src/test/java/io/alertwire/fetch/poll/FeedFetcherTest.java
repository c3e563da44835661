package io.alertwire.fetch.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.alertwire.fetch.net.AddressPolicy;
import io.alertwire.fetch.net.NetConfigs;
import io.alertwire.fetch.source.ClaimedSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP side of polling against a real server, without the application around it. */
class FeedFetcherTest {

    private static WireMockServer server;

    private final String id = UUID.randomUUID().toString();

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().gzipDisabled(true));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static PollConfig config(Duration requestTimeout, long maxBytes) {
        return new PollConfig() {
            @Override public Duration tick() { return Duration.ofSeconds(1); }
            @Override public int batchSize() { return 1; }
            @Override public int concurrency() { return 1; }
            @Override public int perHostConcurrency() { return 1; }
            @Override public Duration lease() { return Duration.ofMinutes(2); }
            @Override public Duration connectTimeout() { return Duration.ofSeconds(2); }
            @Override public Duration requestTimeout() { return requestTimeout; }
            @Override public long maxResponseBytes() { return maxBytes; }
            @Override public int maxRedirects() { return 3; }
            @Override public String userAgent() { return "Alertwire/0.1 (+https://alertwire.io)"; }
        };
    }

    private static FeedFetcher fetcher(boolean allowPrivate, Duration timeout, long maxBytes) {
        return new FeedFetcher(config(timeout, maxBytes), new AddressPolicy(NetConfigs.of(allowPrivate)));
    }

    private ClaimedSource source(String path) {
        return new ClaimedSource(1, URI.create(server.baseUrl() + path), "test", null, null, Duration.ofMinutes(1), false, null, null);
    }

    @Test
    void refusesLoopbackSourceAtFetchTime() {
        String path = "/" + id + "/feed.xml";
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withBody("<rss/>")));

        FetchResult result = fetcher(false, Duration.ofSeconds(5), 1024).fetch(source(path));

        FetchResult.Failed failed = assertInstanceOf(FetchResult.Failed.class, result);
        assertTrue(failed.reason().startsWith("address not allowed: the host localhost is on a loopback address"),
                failed.reason());
        assertEquals(0, server.countRequestsMatching(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo(path)).build()).getCount(),
                "no request may reach a refused address");
    }

    @Test
    void followsRedirects() {
        String from = "/" + id + "/old.xml";
        String to = "/" + id + "/new.xml";
        server.stubFor(get(urlEqualTo(from)).willReturn(aResponse().withStatus(301).withHeader("Location", to)));
        server.stubFor(get(urlEqualTo(to)).willReturn(aResponse().withHeader("ETag", "\"e\"").withBody("<rss/>")));

        FetchResult result = fetcher(true, Duration.ofSeconds(5), 1024).fetch(source(from));

        FetchResult.Fetched fetched = assertInstanceOf(FetchResult.Fetched.class, result);
        assertArrayEquals("<rss/>".getBytes(StandardCharsets.UTF_8), fetched.body());
        assertEquals(URI.create(server.baseUrl() + to), fetched.finalUri());
        assertEquals("\"e\"", fetched.etag());
        assertEquals(URI.create(server.baseUrl() + to), fetched.movedTo(), "a 301 moves the feed");
    }

    @Test
    void remembersOnlyThePermanentPartOfARedirectChain() {
        String first = "/" + id + "/first.xml";
        String second = "/" + id + "/second.xml";
        String third = "/" + id + "/third.xml";
        server.stubFor(get(urlEqualTo(first)).willReturn(aResponse().withStatus(308).withHeader("Location", second)));
        server.stubFor(get(urlEqualTo(second)).willReturn(aResponse().withStatus(307).withHeader("Location", third)));
        server.stubFor(get(urlEqualTo(third)).willReturn(aResponse().withBody("<rss/>")));

        FetchResult.Fetched fetched = assertInstanceOf(FetchResult.Fetched.class,
                fetcher(true, Duration.ofSeconds(5), 1024).fetch(source(first)));

        assertEquals(URI.create(server.baseUrl() + third), fetched.finalUri());
        assertEquals(URI.create(server.baseUrl() + second), fetched.movedTo(),
                "the 308 moved the feed; the 307 after it is only a detour");
    }

    @Test
    void givesUpOnRedirectLoops() {
        String path = "/" + id + "/loop.xml";
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(302).withHeader("Location", path)));

        FetchResult.Failed failed = assertInstanceOf(FetchResult.Failed.class,
                fetcher(true, Duration.ofSeconds(5), 1024).fetch(source(path)));
        assertEquals("more than 3 redirects", failed.reason());
    }

    @Test
    void timesOutSlowServers() {
        String path = "/" + id + "/slow.xml";
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withBody("<rss/>").withFixedDelay(3000)));

        FetchResult.Failed failed = assertInstanceOf(FetchResult.Failed.class,
                fetcher(true, Duration.ofSeconds(1), 1024).fetch(source(path)));
        assertEquals("timed out after 1 s", failed.reason());
    }

    @Test
    void refusesOversizedResponses() {
        String path = "/" + id + "/big.xml";
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withBody("x".repeat(5000))));

        FetchResult.Failed failed = assertInstanceOf(FetchResult.Failed.class,
                fetcher(true, Duration.ofSeconds(5), 1024).fetch(source(path)));
        assertEquals("response larger than 1024 bytes", failed.reason());
    }
}
