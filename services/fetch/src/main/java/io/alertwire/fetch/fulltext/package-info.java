/**
 * Full-text extraction: the main text of an article's web page, for sources whose feeds carry only
 * a teaser.
 *
 * <h2>When</h2>
 * Only for sources created or patched with {@code fullText: true}, and only for articles no source
 * has brought before (the page of a known article is never downloaded again). The page is fetched
 * by the poller's worker right after the feed, through the same {@code FeedFetcher}: the same
 * address policy (also at every redirect), robots.txt, size and time limits; the per-host limit
 * and {@code Crawl-delay} are respected, and a page whose host is busy or waiting is simply not
 * downloaded this time. At most {@code alertwire.fetch.full-text.max-pages-per-fetch} pages per
 * fetch, none started after {@code budget}.
 *
 * <h2>How</h2>
 * {@link io.alertwire.fetch.fulltext.ArticleText} parses the page with jsoup, then:
 * <ol>
 * <li>removes furniture elements (script, nav, header, footer, aside, form, figure, iframes,
 * ARIA banners and dialogs, hidden elements) and elements whose class or id names furniture
 * ("share", "related", "ad", "cookie", "newsletter", "comments", ...), unless that element wraps
 * the article itself;</li>
 * <li>picks the root: the {@code articleBody}, {@code article} or {@code main} element with the
 * most paragraph text, else the element whose own paragraphs hold the most text;</li>
 * <li>keeps its paragraphs, sub-headings, quotes and list items (not lists of links), in order,
 * and drops each line that {@link io.alertwire.fetch.fulltext.FurnitureLines} knows as furniture
 * ("Advertisement", "Reading Time:3 minutes", "Select Voice", share counters, photo
 * captions).</li>
 * </ol>
 *
 * <h2>Never losing the item</h2>
 * Any failure — refused address, robots.txt, timeout, HTTP error, not HTML, too little text — keeps
 * the article with the feed's own content (or summary): extraction only ever improves an article.
 * The text is cut to 64 KiB like any content.
 */
package io.alertwire.fetch.fulltext;
