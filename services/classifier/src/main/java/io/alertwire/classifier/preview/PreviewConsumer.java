package io.alertwire.classifier.preview;

import io.alertwire.classifier.article.IncomingArticles;
import io.alertwire.events.ArticleEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the preview index from {@code alertwire.articles.v1}. Unlike the article consumer, every
 * replica reads every partition (a consumer group of its own per start) from the earliest offset,
 * so each replica's index holds all recent articles and is rebuilt at start.
 */
@ApplicationScoped
public class PreviewConsumer {

    /** Incoming channel of article events for the preview index; mapped in {@code application.properties}. */
    public static final String CHANNEL = "preview-articles";

    private static final Logger LOG = Logger.getLogger(PreviewConsumer.class);

    private final PreviewIndex index;
    private final Validator validator;

    public PreviewConsumer(PreviewIndex index, Validator validator) {
        this.index = index;
        this.validator = validator;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(String value) {
        ArticleEvent article;
        try {
            article = IncomingArticles.read(value, validator);
        } catch (RuntimeException e) {
            // the article consumer dead-letters the same record with the reason; here it is only skipped
            LOG.debugf("Record left out of the preview index: %s", e.getMessage());
            return;
        }
        if (!IncomingArticles.isEmpty(article)) {
            index.add(article, IncomingArticles.body(article));
        }
    }
}
