package io.alertwire.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TopicSlugTest {

    @Test
    void namesAndIdsOfOneTopicHaveTheSameSlug() {
        assertEquals("inter-korean-dialogue", TopicSlug.of("Inter-Korean dialogue"));
        assertEquals("inter-korean-dialogue", TopicSlug.of("inter-korean-dialogue"));
        assertEquals("us-north-korea-diplomacy", TopicSlug.of("  US–North Korea   diplomacy!! "));
        assertEquals("a-b", TopicSlug.of("  --A !! b?? "));
    }

    @Test
    void keepsLettersOfEveryScript() {
        assertEquals("남북회담-2026", TopicSlug.of("남북회담 (2026)"));
        assertEquals("café-2026", TopicSlug.of("Café 2026"));
    }

    @Test
    void isEmptyWithoutLettersOrDigits() {
        assertEquals("", TopicSlug.of(" -- !! "));
        assertEquals("", TopicSlug.of(null));
    }
}
