package io.alertwire.fetch.fulltext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import io.alertwire.fetch.feeds.Feeds;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sources with {@code fullText: true}: article pages downloaded from a real server and extracted. */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class FullTextTest {

    private static WireMockServer site;
    private static ArticleTopic topic;

    private final String id = UUID.randomUUID().toString();

    @BeforeAll
    static void start() {
        site = new WireMockServer(WireMockConfiguration.options().dynamicPort().gzipDisabled(true));
        site.start();
        topic = new ArticleTopic();
    }

    @AfterAll
    static void stop() {
        topic.close();
        site.stop();
    }

    private String serveFeed() throws IOException {
        String page;
        try (InputStream in = FullTextTest.class.getResourceAsStream("news-page.html")) {
            page = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        site.stubFor(get(urlEqualTo("/" + id + "/talks.html")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(page)));
        site.stubFor(get(urlEqualTo("/" + id + "/gone.html")).willReturn(aResponse().withStatus(404)));
        String feed = "/" + id + "/teasers.xml";
        site.stubFor(get(urlEqualTo(feed)).willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
                .withBody(Feeds.load("fulltext-feed.xml", Map.of("id", id, "base", site.baseUrl())))));
        return site.baseUrl() + feed;
    }

    private ArticleEvent awaitArticle(String path) {
        String key = CanonicalUrl.articleId(CanonicalUrl.of(site.baseUrl() + "/" + id + path).orElseThrow());
        String value = await().atMost(Duration.ofSeconds(60))
                .until(() -> topic.withKey(key), records -> !records.isEmpty()).get(0).value();
        return EventJson.read(value, ArticleEvent.class);
    }

    @Test
    void publishesTheMainTextOfTheArticlePageAsContent() throws IOException {
        String sourceId = Api.createSource(Map.of("url", serveFeed(), "pollInterval", "PT1M", "fullText", true));

        ArticleEvent article = awaitArticle("/talks.html");

        assertTrue(article.content().startsWith("South Korea on Monday proposed military talks with North Korea"),
                article.content());
        assertTrue(article.content().endsWith("a year of heated rhetoric on both sides."), article.content());
        assertFalse(article.content().contains("Advertisement"), article.content());
        assertFalse(article.content().contains("Related stories"), article.content());
        assertEquals("Seoul proposes talks.", article.summary(), "the summary stays the feed's");
        assertTrue(Api.source(sourceId).getBoolean("fullText"));
    }

    @Test
    void keepsTheFeedTextWhenThePageCannotBeRead() throws IOException {
        Api.createSource(Map.of("url", serveFeed(), "pollInterval", "PT1M", "fullText", true));

        ArticleEvent article = awaitArticle("/gone.html");

        assertEquals("The teaser stays when the page cannot be read.", article.content());
    }

    @Test
    void downloadsNoPageForASourceWithoutFullText() throws IOException {
        String sourceId = Api.createSource(serveFeed());

        ArticleEvent article = awaitArticle("/talks.html");

        assertEquals("Seoul proposes talks.", article.content());
        assertFalse(Api.source(sourceId).getBoolean("fullText"));
        site.verify(0, getRequestedFor(urlEqualTo("/" + id + "/talks.html")));
    }

    @Test
    void fullTextIsSwitchedOnAndOffByPatch() {
        String sourceId = Api.createSource(site.baseUrl() + "/" + id + "/switch.xml");

        Api.admin().body(Map.of("fullText", true)).patch("/api/sources/" + sourceId).then().statusCode(200);
        assertTrue(Api.source(sourceId).getBoolean("fullText"));
        Api.admin().body(Map.of("name", "renamed")).patch("/api/sources/" + sourceId).then().statusCode(200);
        assertTrue(Api.source(sourceId).getBoolean("fullText"), "a patch without the field leaves it");
        Api.admin().body(Map.of("fullText", false)).patch("/api/sources/" + sourceId).then().statusCode(200);
        assertFalse(Api.source(sourceId).getBoolean("fullText"));
    }
}
