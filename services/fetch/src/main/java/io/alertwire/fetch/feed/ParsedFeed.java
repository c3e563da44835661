package io.alertwire.fetch.feed;

import io.alertwire.events.ArticleEvent;
import java.util.List;

/**
 * A feed turned into articles.
 *
 * @param kind the detected format family: {@code rss} or {@code atom}
 * @param articles the entries worth publishing, in feed order, at most one per article id
 * @param skipped entries left out (no usable link, too old, repeated)
 */
public record ParsedFeed(String kind, List<ArticleEvent> articles, int skipped) {

    public ParsedFeed {
        articles = List.copyOf(articles);
    }
}
