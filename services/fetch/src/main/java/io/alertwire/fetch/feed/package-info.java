/**
 * Feed parsing: bytes in, articles out, whatever the format and however sloppy the publisher.
 *
 * <h2>Steps</h2>
 * <ol>
 * <li><b>Decode</b> ({@link io.alertwire.fetch.xml.DecodedText}): the byte-order mark, the XML
 * declaration's encoding and the HTTP charset are tried strictly, then UTF-8 and windows-1252; a
 * wrong or unknown declared charset never loses a feed.</li>
 * <li><b>Detect</b> ({@link io.alertwire.fetch.feed.FeedKindDetector}): the kind comes from the
 * content, never from the URL or Content-Type. JSON with a jsonfeed.org version is a JSON Feed; for
 * XML the root element decides (rss/RDF, feed, urlset with or without the news namespace). HTML,
 * OPML, sitemap indexes and other XML are rejected with a reason saying what they are.</li>
 * <li><b>Read</b> with the reader of that kind: ROME for RSS and Atom, Jackson's tree for JSON
 * Feed, StAX for sitemaps. Every reader is lenient per item: a date it cannot read leaves the date
 * unknown, a missing element leaves a field empty; only an item with no usable link is dropped.</li>
 * <li><b>Map</b> items to {@link io.alertwire.events.ArticleEvent}s: links resolved against the
 * feed URL and canonicalised, HTML turned into plain text, items older than
 * {@code alertwire.fetch.max-article-age} and repeats within the document left out.</li>
 * </ol>
 *
 * <h2>Hostile documents</h2>
 * A DOCTYPE with an internal subset is refused before any parser sees it (that is where external
 * entities and entity expansion live); one without (RSS 0.91's Netscape DOCTYPE) is dropped and its
 * DTD never loaded. ROME and the StAX readers are configured to refuse DOCTYPEs as well, so each
 * layer holds on its own. Every refusal is a {@link io.alertwire.fetch.feed.FeedRejectedException}
 * whose message is what an operator reads on the source, never an exception class name.
 */
package io.alertwire.fetch.feed;
