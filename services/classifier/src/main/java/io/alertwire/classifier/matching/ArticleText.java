package io.alertwire.classifier.matching;

/**
 * An article as matching sees it.
 *
 * @param title the headline, never {@code null} (may be empty)
 * @param body summary and content, never {@code null} (may be empty)
 * @param language ISO 639-1 code, or {@code null} when unknown (then every topic's languages fit)
 * @param url the article's link, or {@code null}; its host is what {@code source:} matches
 * @param sourceName the name of the source, or {@code null}; also matched by {@code source:}
 */
public record ArticleText(String title, String body, String language, String url, String sourceName) {

    public ArticleText {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
    }

    public ArticleText(String title, String body, String language) {
        this(title, body, language, null, null);
    }

    /** The text fields' content: title and body, separated so no word spans both. */
    public String text() {
        return title.isEmpty() ? body : body.isEmpty() ? title : title + "\n\n" + body;
    }
}
