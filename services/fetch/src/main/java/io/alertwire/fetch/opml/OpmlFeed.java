package io.alertwire.fetch.opml;

/**
 * One subscription of an OPML file: an {@code <outline>} with an {@code xmlUrl}.
 *
 * @param url the feed's address as written in the file
 * @param name the outline's {@code title}, else its {@code text}, else null
 */
public record OpmlFeed(String url, String name) {
}
