package io.alertwire.classifier.matching;

/**
 * An article as matching sees it.
 *
 * @param title the headline, never {@code null} (may be empty)
 * @param body summary and content, never {@code null} (may be empty)
 * @param language ISO 639-1 code, or {@code null} when unknown (then every topic's languages fit)
 */
public record ArticleText(String title, String body, String language) {

    public ArticleText {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
    }

    /** The {@link ArticleFields#TEXT} field: title and body, separated so no word spans both. */
    public String text() {
        return title.isEmpty() ? body : body.isEmpty() ? title : title + "\n\n" + body;
    }
}
