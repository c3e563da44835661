package io.alertwire.classifier.matching;

/** Names of the fields of the Lucene document that represents an article. */
public final class ArticleFields {

    /** The headline alone. */
    public static final String TITLE = "title";
    /** Headline, summary and content together: what a bare query word searches. */
    public static final String TEXT = "text";

    private ArticleFields() {
    }
}
