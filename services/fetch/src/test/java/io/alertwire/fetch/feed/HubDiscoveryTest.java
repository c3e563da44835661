package io.alertwire.fetch.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WebSub discovery: hub and self links in Link headers and in each kind of feed. */
class HubDiscoveryTest {

    private static HubLinks document(String text) throws FeedRejectedException {
        return FeedParser.read(text.getBytes(StandardCharsets.UTF_8), null).hubLinks();
    }

    @Test
    void findsHubAndSelfInLinkHeaders() {
        HubLinks links = HubLinks.fromLinkHeaders(List.of(
                "<https://hub.example.com/>; rel=\"hub\", <https://news.example.com/feed>; rel=\"self\"",
                "<https://other-hub.example.com/>; rel=hub",
                "<https://news.example.com/>; rel=\"alternate\"; type=\"text/html\""));
        assertEquals(List.of("https://hub.example.com/", "https://other-hub.example.com/"), links.hubs());
        assertEquals("https://news.example.com/feed", links.self());
    }

    @Test
    void readsSeveralRelationsInOneLinkAndIgnoresLinksWithoutRel() {
        HubLinks links = HubLinks.fromLinkHeaders(List.of("<https://a.example/>; REL=\"Hub Self\", <https://b.example/>"));
        assertEquals(List.of("https://a.example/"), links.hubs());
        assertEquals("https://a.example/", links.self());
    }

    @Test
    void findsAtomLinksInRss() throws Exception {
        HubLinks links = document("""
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
                  <title>t</title>
                  <atom:link rel="hub" href="https://pubsubhubbub.appspot.com/"/>
                  <atom:link rel="self" type="application/rss+xml" href="https://news.example.com/rss"/>
                  <item><link>https://news.example.com/a</link></item>
                </channel></rss>""");
        assertEquals(List.of("https://pubsubhubbub.appspot.com/"), links.hubs());
        assertEquals("https://news.example.com/rss", links.self());
    }

    @Test
    void findsLinksOfAnAtomFeedButNotOfItsEntries() throws Exception {
        HubLinks links = document("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
                  <link rel="self" href="https://news.example.com/atom"/>
                  <link rel="hub" href="https://hub.example.com/"/>
                  <entry><title>e</title><link rel="hub" href="https://entry-hub.example.com/"/></entry>
                </feed>""");
        assertEquals(List.of("https://hub.example.com/"), links.hubs());
        assertEquals("https://news.example.com/atom", links.self());
    }

    @Test
    void findsHubsOfAJsonFeed() throws Exception {
        HubLinks links = document("""
                {"version": "https://jsonfeed.org/version/1.1", "title": "t",
                 "feed_url": "https://news.example.com/feed.json",
                 "hubs": [{"type": "WebSub", "url": "https://hub.example.com/"}, {"type": "rssCloud", "url": "x"}],
                 "items": []}""");
        assertEquals(List.of("https://hub.example.com/"), links.hubs());
        assertEquals("https://news.example.com/feed.json", links.self());
    }

    @Test
    void aFeedWithoutHubNamesNone() throws Exception {
        HubLinks links = document("<rss version=\"2.0\"><channel><title>t</title></channel></rss>");
        assertTrue(links.hubs().isEmpty());
        assertNull(links.self());
    }

    @Test
    void headersComeFirstAndTheDocumentFillsTheRest() {
        HubLinks merged = new HubLinks(List.of("https://h1/"), null)
                .or(new HubLinks(List.of("https://h2/", "https://h1/"), "https://self/"));
        assertEquals(List.of("https://h1/", "https://h2/"), merged.hubs());
        assertEquals("https://self/", merged.self());
    }
}
