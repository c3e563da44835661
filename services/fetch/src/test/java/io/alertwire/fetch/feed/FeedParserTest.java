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
        assertEquals("not a feed: the XML root element <note> is none of RSS, RDF, Atom or a sitemap",
                rejected.getMessage());
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

    private ParsedFeed parseText(String text, String contentType) throws FeedRejectedException {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8), contentType, FEED, "1", "x", Instant.now());
    }

    @Test
    void readsJsonFeed11() throws Exception {
        ParsedFeed feed = parse("jsonfeed.json", "application/feed+json");

        assertEquals("jsonfeed", feed.kind());
        assertEquals(3, feed.articles().size(), "the item without any URL is dropped");
        ArticleEvent envoy = feed.articles().get(0);
        assertEquals("https://json.example.com/" + id + "/envoy", envoy.canonicalUrl());
        assertEquals("Envoy to visit Pyongyang", envoy.title());
        assertEquals("A special envoy will travel north.", envoy.summary());
        assertEquals("The envoy will carry a letter.", envoy.content());
        assertEquals("en", envoy.language(), "the item's language wins over the feed's");
        assertNotNull(envoy.publishedAt());
        assertEquals(List.of("Park Ji-hoon"), envoy.authors());
        assertEquals(List.of("diplomacy", "envoy"), envoy.categories());

        ArticleEvent idOnly = feed.articles().get(1);
        assertEquals("https://json.example.com/" + id + "/id-is-the-link", idOnly.url());
        assertEquals("Plain text body", idOnly.content());
        assertNull(idOnly.publishedAt(), "an unreadable date leaves the date unknown, the item stays");
        assertEquals("ko", idOnly.language());
        assertEquals(List.of("Desk"), idOnly.authors(), "the feed's authors stand in");

        ArticleEvent external = feed.articles().get(2);
        assertEquals("https://elsewhere.example.com/" + id + "/linked", external.url());
        assertEquals(List.of("One Author"), external.authors(), "JSON Feed 1.0's single author");
    }

    @Test
    void readsJsonFeed10WhateverTheContentTypeSays() throws Exception {
        String json = "{\"version\":\"https://jsonfeed.org/version/1\",\"title\":\"t\",\"items\":["
                + "{\"id\":\"a\",\"url\":\"https://j.example.com/" + id + "\",\"title\":\"One\","
                + "\"date_published\":\"2026-11-28T08:00:00+09:00\",\"author\":{\"name\":\"Kim\"}}]}";
        ParsedFeed feed = parser.parse(json.getBytes(StandardCharsets.UTF_8), "application/rss+xml", FEED, "1", "x",
                Instant.parse("2026-11-28T01:00:00Z"));
        assertEquals("jsonfeed", feed.kind());
        assertEquals(Instant.parse("2026-11-27T23:00:00Z"), feed.articles().get(0).publishedAt());
        assertEquals(List.of("Kim"), feed.articles().get(0).authors());
    }

    @Test
    void rejectsJsonThatIsNotAJsonFeed() {
        FeedRejectedException rejected = assertThrows(FeedRejectedException.class,
                () -> parseText("{\"hello\": \"world\"}", "application/json"));
        assertTrue(rejected.getMessage().startsWith("not a feed: the document is JSON but not a JSON Feed"),
                rejected.getMessage());
        rejected = assertThrows(FeedRejectedException.class,
                () -> parseText("{\"version\": \"https://jsonfeed.org/version/1.1\", ", null));
        assertTrue(rejected.getMessage().startsWith("not a feed: malformed JSON"), rejected.getMessage());
    }

    @Test
    void readsGoogleNewsSitemap() throws Exception {
        ParsedFeed feed = parse("news-sitemap.xml", "application/xml");

        assertEquals("news-sitemap", feed.kind());
        assertEquals(2, feed.articles().size());
        ArticleEvent hotline = feed.articles().get(0);
        assertEquals("https://sitemap.example.com/" + id + "/hotline-restored", hotline.url());
        assertEquals("남북 통신선 복원", hotline.title());
        assertEquals("ko", hotline.language());
        assertEquals(List.of("hotline", "inter-Korean"), hotline.categories());
        assertNotNull(hotline.publishedAt());
        ArticleEvent badDate = feed.articles().get(1);
        assertNull(badDate.publishedAt());
        assertEquals("en", badDate.language());
    }

    @Test
    void readsPlainSitemapWithTitlesFromUrls() throws Exception {
        ParsedFeed feed = parse("sitemap.xml", "text/xml");

        assertEquals("sitemap", feed.kind());
        assertEquals(2, feed.articles().size(), "a <url> without <loc> is dropped");
        assertEquals("seoul proposes military talks", feed.articles().get(0).title());
        assertNotNull(feed.articles().get(0).publishedAt());
        assertEquals("about", feed.articles().get(1).title());
    }

    @Test
    void rejectsSitemapIndexAndOpmlWithReasons() {
        FeedRejectedException index = assertThrows(FeedRejectedException.class, () -> parseText(
                "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>https://e.example.com/s.xml"
                        + "</loc></sitemap></sitemapindex>", "application/xml"));
        assertTrue(index.getMessage().startsWith("not a feed: a sitemap index"), index.getMessage());
        FeedRejectedException opml = assertThrows(FeedRejectedException.class, () -> parseText(
                "<opml version=\"2.0\"><body><outline xmlUrl=\"https://e.example.com/rss\"/></body></opml>", null));
        assertTrue(opml.getMessage().startsWith("not a feed: an OPML subscription list"), opml.getMessage());
    }

    @Test
    void rejectsSitemapWithExternalEntity() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://e.example.com/&x;</loc>"
                + "</url></urlset>";
        FeedRejectedException rejected = assertThrows(FeedRejectedException.class, () -> parseText(hostile, null));
        assertTrue(rejected.getMessage().startsWith("XML not accepted: DOCTYPE is not allowed"), rejected.getMessage());
    }

    @Test
    void readsRss091WithNetscapeDoctype() throws Exception {
        ParsedFeed feed = parse("rss091-netscape.xml", "text/xml");
        assertEquals("rss", feed.kind());
        assertEquals("Still read", feed.articles().get(0).title());
    }

    @Test
    void keepsFeedWhoseDeclaredCharsetIsWrong() throws Exception {
        for (String declared : List.of("us-ascii", "x-fake", "ISO-8859-1")) {
            String rss = "<?xml version=\"1.0\" encoding=\"" + declared + "\"?><rss version=\"2.0\"><channel>"
                    + "<title>t</title><item><title>남북 회담</title><link>https://c.example.com/" + id
                    + "</link></item></channel></rss>";
            ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), "text/xml; charset=" + declared,
                    FEED, "1", "x", Instant.now());
            assertEquals("남북 회담", feed.articles().get(0).title(), declared);
        }
    }

    @Test
    void readsLatin1FeedThatSaysSo() throws Exception {
        String rss = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>Und tschüss</title><link>https://l.example.com/" + id + "</link></item></channel></rss>";
        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.ISO_8859_1), null, FEED, "1", "x", Instant.now());
        assertEquals("Und tschüss", feed.articles().get(0).title());
    }

    @Test
    void keepsItemWithUnreadableDate() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>t</title><item><title>d</title><link>https://d.example.com/"
                + id + "</link><pubDate>the day after tomorrow</pubDate></item></channel></rss>";
        ParsedFeed feed = parseText(rss, null);
        assertEquals(1, feed.articles().size());
        assertNull(feed.articles().get(0).publishedAt());
    }

    @Test
    void readsRss10AndAtom03() throws Exception {
        String rdf = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
                + "<channel rdf:about=\"https://r.example.com/\"><title>t</title><link>https://r.example.com/</link>"
                + "<description>d</description></channel><item rdf:about=\"https://r.example.com/" + id + "\">"
                + "<title>RDF item</title><link>https://r.example.com/" + id + "</link></item></rdf:RDF>";
        assertEquals("rss", parseText(rdf, null).kind());
        assertEquals("RDF item", parseText(rdf, null).articles().get(0).title());
        String atom03 = "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>t</title>"
                + "<entry><title>Atom 0.3 entry</title><link rel=\"alternate\" type=\"text/html\" href=\"https://a.example.com/"
                + id + "\"/><issued>2026-11-28T08:00:00Z</issued></entry></feed>";
        ParsedFeed feed = parseText(atom03, null);
        assertEquals("atom", feed.kind());
        assertEquals("Atom 0.3 entry", feed.articles().get(0).title());
    }

    @Test
    void readsTtl() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>t</title><ttl>90</ttl></channel></rss>";
        assertEquals(Duration.ofMinutes(90), parseText(rss, null).ttl());
    }
}
