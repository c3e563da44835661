package io.alertwire.fetch.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.alertwire.events.ArticleEvent;
import io.alertwire.events.EventJson;
import io.alertwire.fetch.article.CanonicalUrl;
import io.alertwire.fetch.feeds.Api;
import io.alertwire.fetch.feeds.ArticleTopic;
import io.alertwire.fetch.feeds.Feeds;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each hostile or broken feed of PRODUCT §3, served by a real HTTP server and polled by the real
 * service next to a healthy feed: the hostile source alone is marked failing, with a reason an
 * operator can read in {@code GET /api/sources/{id}}; the healthy one still publishes and the
 * service stays ready. The fixtures are next to {@link Feeds}, under {@code hostile/}. The test
 * profile's request timeout is 5 s, the size cap the production 16 MiB.
 */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class HostileFeedsTest {

    private static final String DOCTYPE_REFUSED = "XML not accepted: DOCTYPE is not allowed";

    private static WireMockServer feeds;
    private static StreamingServer streams;
    private static ArticleTopic topic;

    private final String id = UUID.randomUUID().toString();

    @BeforeAll
    static void start() throws IOException {
        feeds = new WireMockServer(WireMockConfiguration.options().dynamicPort().gzipDisabled(true));
        feeds.start();
        streams = new StreamingServer();
        topic = new ArticleTopic();
    }

    @AfterAll
    static void stop() {
        topic.close();
        streams.close();
        feeds.stop();
    }

    private String serve(String name, String contentType, byte[] body) {
        String path = "/" + id + "/" + name;
        feeds.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(body)));
        return feeds.baseUrl() + path;
    }

    private String serve(String name, String contentType, String body) {
        return serve(name, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private JsonPath onlyHostileFails(String hostileUrl, String reasonStart) {
        return SideBySide.onlyHostileFails(hostileUrl, SideBySide.goodFeed(feeds, feeds.baseUrl(), id), id, topic,
                reasonStart);
    }

    @Test
    void rejectsExternalEntityThatReadsALocalFile() {
        onlyHostileFails(serve("xxe.xml", "application/rss+xml", Feeds.load("xxe.xml", id)), DOCTYPE_REFUSED);

        assertTrue(topic.withKey(CanonicalUrl.articleId("https://evil.example.com/" + id + "/leak")).isEmpty());
    }

    @Test
    void rejectsExternalDtdWithoutEverRequestingIt() {
        String dtd = "/" + id + "/evil.dtd";
        feeds.stubFor(get(urlEqualTo(dtd)).willReturn(aResponse().withBody("<!ENTITY exfiltrate \"secret\">")));
        String hostile = serve("external-dtd.xml", "application/rss+xml",
                Feeds.load("hostile/external-dtd.xml", Map.of("id", id, "dtd", feeds.baseUrl() + dtd)));

        onlyHostileFails(hostile, DOCTYPE_REFUSED);

        feeds.verify(0, getRequestedFor(urlEqualTo(dtd)));
    }

    @Test
    void rejectsBillionLaughsEntityExpansion() {
        onlyHostileFails(serve("laughs.xml", "application/rss+xml", Feeds.load("hostile/billion-laughs.xml", id)),
                DOCTYPE_REFUSED);
    }

    @Test
    void refusesGzipBombOnceItDecompressesBeyondTheSizeCap() {
        // 32 KB on the wire, 32 MiB once decompressed
        String path = "/" + id + "/bomb.xml";
        feeds.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withHeader("Content-Encoding", "gzip")
                .withBody(Feeds.bytes("hostile/gzip-bomb.xml.gz"))));

        JsonPath failing = onlyHostileFails(feeds.baseUrl() + path, "response larger than 16 MiB once decompressed");
        assertEquals(200, failing.getInt("lastStatus"));
    }

    @Test
    void refusesEndlessBodyAtTheSizeCap() {
        JsonPath failing = onlyHostileFails(streams.url("/endless"), "response larger than 16 MiB");
        assertNull(failing.get("lastStatus"), "no complete response was received");
    }

    @Test
    void timesOutBodyThatTricklesAFewBytesPerSecond() {
        onlyHostileFails(streams.url("/trickle"), "timed out after 5 s");
    }

    @Test
    void marksHtmlPageAsNotAFeed() {
        onlyHostileFails(serve("index.html", "text/html; charset=utf-8", Feeds.load("html.html", id)),
                "not a feed: the document is HTML");
    }

    @Test
    void givesUpOnRedirectLoop() {
        String path = "/" + id + "/loop.xml";
        feeds.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(302).withHeader("Location", path)));

        onlyHostileFails(feeds.baseUrl() + path, "more than 5 redirects");
    }

    @Test
    void readsATenMegabyteFeedOfValidItemsInFull() {
        // a big publisher's full-content feed: ~10.5 MB, beyond the old 10 MiB cap, within 16 MiB
        int items = 210;
        String paragraph = "<p>Officials of the two Koreas met at Panmunjom to discuss reopening the liaison "
                + "office and the military hotline.</p>\n";
        String body = paragraph.repeat(50_000 / paragraph.length());
        StringBuilder all = new StringBuilder();
        for (int n = 1; n <= items; n++) {
            all.append(Feeds.load("hostile/big-feed-item.xml", Map.of("id", id, "n", String.valueOf(n), "body", body)));
        }
        String feed = Feeds.load("hostile/big-feed.xml", Map.of("items", all.toString()));
        assertTrue(feed.length() > 10 * 1024 * 1024, "the feed is " + feed.length() + " bytes");
        String bigId = Api.createSource(serve("big.xml", "application/rss+xml", feed));

        SideBySide.awaitArticle(topic, "https://big.example.com/" + id + "/report-1");
        SideBySide.awaitArticle(topic, "https://big.example.com/" + id + "/report-" + items);
        JsonPath source = SideBySide.awaitSource(bigId, s -> Integer.valueOf(200).equals(s.get("lastStatus")));
        assertEquals(0, source.getInt("consecutiveFailures"));
        assertNull(source.get("lastError"));
        ArticleEvent last = EventJson.read(topic.withKey(CanonicalUrl.articleId(
                "https://big.example.com/" + id + "/report-" + items)).get(0).value(), ArticleEvent.class);
        assertTrue(last.content().startsWith("Officials of the two Koreas met"), last.content().substring(0, 80));
        SideBySide.assertReady();
    }

    @Test
    void keepsItemsOfAUtf8FeedWithBrokenBytesAsReplacementCharacters() {
        byte[] broken = Feeds.loadBytes("hostile/invalid-utf8.xml", Map.of("id", id));
        String sourceId = Api.createSource(serve("broken-utf8.xml", "application/rss+xml; charset=utf-8", broken));

        SideBySide.awaitArticle(topic, "https://utf8.example.com/" + id + "/talks");
        ArticleEvent article = EventJson.read(topic.withKey(CanonicalUrl.articleId(
                "https://utf8.example.com/" + id + "/talks")).get(0).value(), ArticleEvent.class);
        assertEquals("남북 회담 제안", article.title(), "the valid UTF-8 around the damage reads correctly");
        assertTrue(article.summary().startsWith("통일부 \uFFFD 발표"), article.summary());
        JsonPath source = SideBySide.awaitSource(sourceId, s -> Integer.valueOf(200).equals(s.get("lastStatus")));
        assertEquals(0, source.getInt("consecutiveFailures"));
        SideBySide.assertReady();
    }
}
