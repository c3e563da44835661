package io.alertwire.classifier.matching;

import org.apache.lucene.document.Document;

/**
 * The Lucene document live matching builds for an article, for indexes outside matching (the
 * preview index) that must analyse articles exactly as matching does.
 */
public final class IndexedArticle {

    private IndexedArticle() {
    }

    /** The analysed fields of an article, as the Monitor sees them; none is stored. */
    public static Document document(ArticleText article) {
        return ArticleDocument.of(article).document();
    }
}
