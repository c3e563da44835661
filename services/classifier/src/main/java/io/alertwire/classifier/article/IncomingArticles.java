package io.alertwire.classifier.article;

import io.alertwire.events.ArticleEvent;
import io.alertwire.events.EventJson;
import io.alertwire.events.InvalidEventException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a record value into an article the classifier can work with: what can be repaired is
 * repaired (an oversized text is cut, an unusable language tag becomes "unknown", NUL characters
 * that PostgreSQL cannot store are dropped); what cannot be is an {@link InvalidEventException},
 * which dead-letters the record with the reason.
 */
public final class IncomingArticles {

    /** Headlines longer than this are cut: no real one is, and the match event must stay small. */
    static final int MAX_TITLE_CHARS = 2000;
    /** Source names longer than this are cut. */
    static final int MAX_SOURCE_NAME_CHARS = 500;
    /** Links longer than this are refused: a URL of that size is not a real article's. */
    static final int MAX_URL_CHARS = 8192;

    private static final Pattern LANGUAGE_TAG = Pattern.compile("([a-z]{2})(?:[-_][a-z0-9]{1,8})*");

    private IncomingArticles() {
    }

    /**
     * Reads and checks one record value.
     *
     * @throws InvalidEventException when it is not JSON of an {@link ArticleEvent}, or a required field is
     *     missing or malformed
     */
    public static ArticleEvent read(String value, Validator validator) {
        ArticleEvent raw = EventJson.read(value, ArticleEvent.class);
        ArticleEvent article = new ArticleEvent(raw.articleId(), raw.url(), raw.canonicalUrl(), raw.sourceId(),
                cut(clean(raw.sourceName()), MAX_SOURCE_NAME_CHARS), cut(clean(raw.title()), MAX_TITLE_CHARS),
                cut(clean(raw.summary()), ArticleEvent.MAX_CONTENT_CHARS),
                cut(clean(raw.content()), ArticleEvent.MAX_CONTENT_CHARS), language(raw.language()),
                raw.publishedAt(), raw.fetchedAt(), raw.authors(), raw.categories());
        Set<ConstraintViolation<ArticleEvent>> violations = validator.validate(article);
        if (!violations.isEmpty()) {
            throw new InvalidEventException("invalid ArticleEvent: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; ")));
        }
        if (article.url().length() > MAX_URL_CHARS || article.url().indexOf('\0') >= 0) {
            throw new InvalidEventException("invalid ArticleEvent: url longer than " + MAX_URL_CHARS
                    + " characters or holding NUL");
        }
        return article;
    }

    /**
     * The text matching and stories work on: summary and content (the summary left out when the
     * content starts with it), at most {@link ArticleEvent#MAX_CONTENT_CHARS} characters.
     */
    public static String body(ArticleEvent article) {
        String s = nullToEmpty(article.summary()).strip();
        String c = nullToEmpty(article.content()).strip();
        String body = s.isEmpty() || c.startsWith(s) ? c : c.isEmpty() ? s : s + "\n\n" + c;
        return cut(body, ArticleEvent.MAX_CONTENT_CHARS);
    }

    /** Whether there is nothing to classify: no headline and no text. */
    public static boolean isEmpty(ArticleEvent article) {
        return nullToEmpty(article.title()).isBlank() && body(article).isBlank();
    }

    /**
     * ISO 639-1 code of a language tag ({@code en}, {@code EN}, {@code en-US}, {@code ko_KR}); {@code null}
     * for anything else ({@code eng}, {@code und}, {@code x-klingon}), which is classified as of unknown language.
     */
    static String language(String tag) {
        if (tag == null) {
            return null;
        }
        var match = LANGUAGE_TAG.matcher(tag.strip().toLowerCase(Locale.ROOT));
        return match.matches() ? match.group(1) : null;
    }

    /** At most {@code max} characters, never cutting a surrogate pair in two. */
    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    private static String clean(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
