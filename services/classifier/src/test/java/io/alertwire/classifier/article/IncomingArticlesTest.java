package io.alertwire.classifier.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alertwire.events.ArticleEvent;
import io.alertwire.events.EventJson;
import io.alertwire.events.InvalidEventException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncomingArticlesTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final String ID = "a".repeat(64);

    private static String record(String title, String content, String language, String url) {
        return EventJson.write(new ArticleEvent(ID, url, url, "1", "Source", title, null, content, language, null,
                Instant.parse("2026-11-28T00:00:00Z"), List.of(), List.of()));
    }

    @Test
    void readsLanguageTagsAsTheirIso6391CodeAndUnusableOnesAsUnknown() {
        assertEquals("en", IncomingArticles.language("en"));
        assertEquals("en", IncomingArticles.language("EN-us"));
        assertEquals("ko", IncomingArticles.language("ko_KR"));
        assertNull(IncomingArticles.language("eng"));
        assertNull(IncomingArticles.language("x-klingon"));
        assertNull(IncomingArticles.language(""));
        assertEquals("pt", IncomingArticles.read(record("t", "c", "pt-BR", "https://a.example/1"), VALIDATOR).language());
        assertNull(IncomingArticles.read(record("t", "c", "klingon", "https://a.example/1"), VALIDATOR).language());
    }

    @Test
    void cutsOversizedContentAndTitleInsteadOfRefusingTheArticle() {
        String content = "word ".repeat(30_000);
        ArticleEvent article = IncomingArticles.read(record("t".repeat(5000), content, "en", "https://a.example/1"),
                VALIDATOR);
        assertEquals(ArticleEvent.MAX_CONTENT_CHARS, article.content().length());
        assertEquals(IncomingArticles.MAX_TITLE_CHARS, article.title().length());
        assertTrue(IncomingArticles.body(article).length() <= ArticleEvent.MAX_CONTENT_CHARS);
    }

    @Test
    void neverCutsASurrogatePairInTwo() {
        String emoji = "😀".repeat(40_000);
        String cut = IncomingArticles.cut(emoji, ArticleEvent.MAX_CONTENT_CHARS - 1);
        assertTrue(cut.length() < ArticleEvent.MAX_CONTENT_CHARS);
        assertEquals(cut.length(), cut.codePointCount(0, cut.length()) * 2);
    }

    @Test
    void dropsNulCharactersThatTheDatabaseCannotStore() {
        ArticleEvent article = IncomingArticles.read(record("Ti\0tle", "con\0tent", "en", "https://a.example/1"),
                VALIDATOR);
        assertEquals("Title", article.title());
        assertEquals("content", article.content());
    }

    @Test
    void refusesRecordsThatAreNoArticleWithTheReason() {
        assertThrows(InvalidEventException.class, () -> IncomingArticles.read("not json", VALIDATOR));
        InvalidEventException noUrl = assertThrows(InvalidEventException.class,
                () -> IncomingArticles.read(record("t", "c", "en", ""), VALIDATOR));
        assertTrue(noUrl.getMessage().contains("url"), noUrl.getMessage());
        InvalidEventException longUrl = assertThrows(InvalidEventException.class, () -> IncomingArticles.read(
                record("t", "c", "en", "https://a.example/" + "x".repeat(IncomingArticles.MAX_URL_CHARS)), VALIDATOR));
        assertTrue(longUrl.getMessage().contains("url"), longUrl.getMessage());
    }

    @Test
    void seesNothingToClassifyWithoutTitleAndText() {
        assertTrue(IncomingArticles.isEmpty(IncomingArticles.read(record(" ", "", "en", "https://a.example/1"),
                VALIDATOR)));
    }
}
