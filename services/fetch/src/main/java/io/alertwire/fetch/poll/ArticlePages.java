package io.alertwire.fetch.poll;

import io.alertwire.events.ArticleEvent;
import io.alertwire.fetch.feed.PlainText;
import io.alertwire.fetch.fulltext.ArticleText;
import io.alertwire.fetch.fulltext.FullTextConfig;
import io.alertwire.fetch.robots.RobotsPolicy;
import io.alertwire.fetch.robots.RobotsVerdict;
import io.alertwire.fetch.xml.DecodedText;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Downloads the pages of a feed's new articles and puts their main text in the articles' content,
 * for sources with full text on. Runs in the worker that fetched the feed, one page after another,
 * holding the feed host's slot; pages on other hosts take a slot of their own, or are skipped when
 * their host is busy. See {@link io.alertwire.fetch.fulltext} for what is extracted and why a
 * failure never loses the article.
 */
@ApplicationScoped
public class ArticlePages {

    private static final Logger LOG = Logger.getLogger(ArticlePages.class);
    private static final String ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

    private final FeedFetcher fetcher;
    private final RobotsPolicy robots;
    private final FullTextConfig config;

    public ArticlePages(FeedFetcher fetcher, RobotsPolicy robots, FullTextConfig config) {
        this.fetcher = fetcher;
        this.robots = robots;
        this.config = config;
    }

    /**
     * The articles, those whose page could be read with its main text as content; never fewer.
     *
     * @param feedHost the host of the feed, whose slot the calling worker holds
     * @param hosts the poller's per-host slots
     */
    List<ArticleEvent> withFullText(List<ArticleEvent> articles, String feedHost, HostSlots hosts) {
        List<ArticleEvent> result = new ArrayList<>(articles.size());
        long stopStartingAt = System.nanoTime() + config.budget().toNanos();
        int pages = 0;
        for (ArticleEvent article : articles) {
            if (pages >= config.maxPagesPerFetch() || System.nanoTime() > stopStartingAt) {
                result.add(article);
                continue;
            }
            pages++;
            result.add(withPageText(article, feedHost, hosts));
        }
        return result;
    }

    private ArticleEvent withPageText(ArticleEvent article, String feedHost, HostSlots hosts) {
        URI page;
        try {
            page = URI.create(article.url());
        } catch (IllegalArgumentException e) {
            return article;
        }
        String host = HostSlots.of(page);
        boolean ownSlot = !host.equals(feedHost);
        if (ownSlot && !hosts.tryAcquire(host, Instant.now())) {
            LOG.debugf("Article page not fetched, host busy: articleId=%s", article.articleId());
            return article;
        }
        try {
            String text = pageText(page, host, hosts);
            if (text == null || text.length() < config.minChars()) {
                return article;
            }
            return new ArticleEvent(article.articleId(), article.url(), article.canonicalUrl(), article.sourceId(),
                    article.sourceName(), article.title(), article.summary(),
                    PlainText.cut(text, ArticleEvent.MAX_CONTENT_CHARS), article.language(), article.publishedAt(),
                    article.fetchedAt(), article.authors(), article.categories());
        } catch (RuntimeException e) {
            LOG.warnf("Full-text extraction failed, the feed's text is kept: articleId=%s error=%s",
                    article.articleId(), e.toString());
            return article;
        } finally {
            if (ownSlot) {
                hosts.release(host, Instant.now());
            }
        }
    }

    /** The page's main text, or null when the page cannot or may not be read. */
    private String pageText(URI page, String host, HostSlots hosts) {
        if (!(robots.check(page) instanceof RobotsVerdict.Allowed allowed)
                || hosts.takeTurn(host, allowed.crawlDelay(), Instant.now()) != null) {
            return null;
        }
        FetchResult result = fetcher.fetch(page, ACCEPT);
        if (!(result instanceof FetchResult.Fetched fetched) || !isHtml(fetched.contentType())) {
            LOG.debugf("Article page not usable: url=%s result=%s", page, result);
            return null;
        }
        return ArticleText.extract(DecodedText.of(fetched.body(), fetched.contentType()), fetched.finalUri().toString());
    }

    private static boolean isHtml(String contentType) {
        if (contentType == null) {
            return true; // sniffing would find out; jsoup reads anything, and too little text falls back
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || type.startsWith("application/xhtml");
    }
}
