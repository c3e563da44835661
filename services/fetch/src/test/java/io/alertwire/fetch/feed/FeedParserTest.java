package io.alertwire.fetch.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alertwire.events.ArticleEvent;
import io.alertwire.fetch.article.CanonicalUrl;
import io.alertwire.fetch.feeds.Feeds;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private static final URI FEED = URI.create("https://feeds.example.com/news.xml");

    private final FeedParser parser = new FeedParser(() -> Duration.ofDays(7));
    private final String id = UUID.randomUUID().toString();

    private ParsedFeed parse(String fixture, String contentType) throws FeedRejectedException {
        return parser.parse(Feeds.load(fixture, id).getBytes(StandardCharsets.UTF_8), contentType, FEED, "42",
                "Korea Desk", Instant.now());
    }

    @Test
    void mapsRss2EntriesToArticles() throws Exception {
        ParsedFeed feed = parse("rss2.xml", "application/rss+xml; charset=utf-8");

        assertEquals("rss", feed.kind());
        assertEquals(2, feed.articles().size(), "the old entry and the one without link are skipped");
        assertEquals(2, feed.skipped());

        ArticleEvent talks = feed.articles().get(0);
        String canonical = "https://news.example.com/" + id + "/talks?id=7";
        assertEquals(canonical, talks.canonicalUrl());
        assertEquals(CanonicalUrl.articleId(canonical), talks.articleId());
        assertTrue(talks.url().startsWith("HTTPS://News.Example.com:443/"), "url is the link as given");
        assertEquals("42", talks.sourceId());
        assertEquals("Korea Desk", talks.sourceName());
        assertEquals("Seoul proposes talks with Pyongyang", talks.title());
        assertEquals("The unification ministry proposed talks & a hotline.", talks.summary());
        assertEquals("Full text: the ministry proposed talks. Second paragraph.", talks.content());
        assertEquals("en", talks.language());
        assertNotNull(talks.publishedAt());
        assertEquals(List.of("Kim Min-ji"), talks.authors());
        assertEquals(List.of("Politics", "North Korea"), talks.categories());

        ArticleEvent guidOnly = feed.articles().get(1);
        assertEquals("https://news.example.com/" + id + "/guid-only", guidOnly.url());
        assertEquals("Plain summary", guidOnly.content(), "without full content, the content is the summary");
        assertNull(guidOnly.publishedAt(), "entries without a date are kept");
    }

    @Test
    void mapsAtom1EntriesToArticles() throws Exception {
        ParsedFeed feed = parse("atom.xml", "application/atom+xml");

        assertEquals("atom", feed.kind());
        assertEquals(2, feed.articles().size());
        ArticleEvent summit = feed.articles().get(0);
        assertEquals("https://atom.example.com/" + id + "/summit?page=2", summit.canonicalUrl());
        assertEquals("남북 회담 제안", summit.title());
        assertEquals("Summary here", summit.summary());
        assertEquals("Full content of the report", summit.content());
        assertEquals(List.of("Lee Jun"), summit.authors());
        assertEquals(List.of("diplomacy"), summit.categories());
        assertNotNull(summit.publishedAt());

        assertNotNull(feed.articles().get(1).publishedAt(), "the updated date stands in for a missing published");
    }

    @Test
    void rejectsFeedWithExternalEntity() {
        FeedRejectedException rejected = assertThrows(FeedRejectedException.class,
                () -> parse("xxe.xml", "application/rss+xml"));
        assertTrue(rejected.getMessage().startsWith("XML not accepted: DOCTYPE is not allowed"), rejected.getMessage());
    }

    @Test
    void rejectsHtmlPage() {
        FeedRejectedException rejected = assertThrows(FeedRejectedException.class,
                () -> parse("html.html", "text/html; charset=utf-8"));
        assertEquals("not a feed: the document is HTML", rejected.getMessage());
    }

    @Test
    void rejectsMalformedXmlWithTheLine() {
        byte[] broken = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>x</titl></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);
        FeedRejectedException rejected = assertThrows(FeedRejectedException.class,
                () -> parser.parse(broken, "application/xml", FEED, "1", "x", Instant.now()));
        assertTrue(rejected.getMessage().startsWith("not a feed: malformed XML at line 2"), rejected.getMessage());
    }

    @Test
    void rejectsXmlThatIsNeitherRssNorAtom() {
        byte[] other = "<?xml version=\"1.0\"?><note><to>you</to></note>".getBytes(StandardCharsets.UTF_8);
        FeedRejectedException rejected = assertThrows(FeedRejectedException.class,
                () -> parser.parse(other, "application/xml", FEED, "1", "x", Instant.now()));
        assertEquals("not a feed: the XML is neither RSS nor Atom", rejected.getMessage());
    }

    @Test
    void cutsContentToTheEventLimit() throws Exception {
        String longText = "word ".repeat(20_000);
        String rss = "<rss version=\"2.0\"><channel><title>t</title><link>https://e.example.com/</link>"
                + "<description>d</description><item><title>long</title><link>https://e.example.com/" + id
                + "</link><description>" + longText + "</description></item></channel></rss>";
        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, FEED, "1", "x", Instant.now());
        assertTrue(feed.articles().get(0).content().length() <= ArticleEvent.MAX_CONTENT_CHARS);
    }

    @Test
    void normalisesDeclaredLanguages() {
        assertEquals("en", FeedParser.language("en-US"));
        assertEquals("ko", FeedParser.language("KO_kr"));
        assertNull(FeedParser.language("english"));
        assertNull(FeedParser.language(null));
    }
}
