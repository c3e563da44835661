package io.alertwire.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final String ID = "a".repeat(64);

    static ArticleEvent article() {
        return new ArticleEvent(ID, "https://news.example/a?utm_source=x", "https://news.example/a", "42",
                "Example News", "Seoul proposes talks", "Summary", "Full text", "en",
                Instant.parse("2026-11-28T09:00:00Z"), Instant.parse("2026-11-28T09:01:02.123Z"),
                List.of("Jane Doe"), List.of("politics"));
    }

    static MatchEvent match() {
        return new MatchEvent("m1", ID, ID, "inter-korean-dialogue", "Inter-Korean dialogue", 0.83,
                List.of("talks", "Seoul"), "Seoul proposes talks", "https://news.example/a", "Example News", "en",
                Instant.parse("2026-11-28T09:00:00Z"), "Seoul proposes talks with Pyongyang", 1,
                List.of(new MatchEvent.AlsoReportedBy("https://other.example/b", "Other", "Seoul offers talks")));
    }

    @Test
    void roundTripsArticle() {
        ArticleEvent event = article();
        String json = EventJson.write(event);
        assertTrue(json.contains("\"publishedAt\":\"2026-11-28T09:00:00Z\""), json);
        assertEquals(event, EventJson.read(json, ArticleEvent.class));
        assertTrue(VALIDATOR.validate(event).isEmpty());
    }

    @Test
    void roundTripsMatch() {
        MatchEvent event = match();
        String json = EventJson.write(event);
        assertTrue(json.contains("\"alsoReportedBy\":[{\"url\":\"https://other.example/b\""), json);
        assertEquals(event, EventJson.read(json, MatchEvent.class));
        assertTrue(VALIDATOR.validate(event).isEmpty());
    }

    @Test
    void readsArticleWithMissingListsAndUnknownFields() {
        String json = "{\"articleId\":\"" + ID + "\",\"url\":\"u\",\"canonicalUrl\":\"u\",\"sourceId\":\"1\","
                + "\"fetchedAt\":\"2026-11-28T09:00:00Z\",\"addedLater\":true}";
        ArticleEvent event = EventJson.read(json, ArticleEvent.class);
        assertEquals(List.of(), event.authors());
        assertEquals(List.of(), event.categories());
    }

    @Test
    void rejectsRecordsThatAreNotEvents() {
        assertThrows(InvalidEventException.class, () -> EventJson.read("", ArticleEvent.class));
        assertThrows(InvalidEventException.class, () -> EventJson.read("not json", ArticleEvent.class));
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventJson.read("{\"score\":\"high\"}", MatchEvent.class));
        assertTrue(e.getMessage().startsWith("not a valid MatchEvent"), e.getMessage());
    }

    @Test
    void validationFlagsBadArticleId() {
        ArticleEvent a = article();
        ArticleEvent bad = new ArticleEvent("xyz", a.url(), a.canonicalUrl(), a.sourceId(), a.sourceName(),
                a.title(), a.summary(), a.content(), a.language(), a.publishedAt(), a.fetchedAt(), a.authors(),
                a.categories());
        assertFalse(VALIDATOR.validate(bad).isEmpty());
    }
}
