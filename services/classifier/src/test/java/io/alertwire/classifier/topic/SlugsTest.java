package io.alertwire.classifier.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void lowerCasesAndJoinsWordsWithHyphens() {
        assertEquals("inter-korean-dialogue", Slugs.of("Inter-Korean dialogue"));
        assertEquals("us-north-korea-diplomacy", Slugs.of("US–North Korea diplomacy"));
        assertEquals("a-b", Slugs.of("  --A !! b?? "));
    }

    @Test
    void keepsLettersOfEveryScript() {
        assertEquals("남북-대화", Slugs.of("남북 대화"));
        assertEquals("café-2026", Slugs.of("Café 2026"));
    }

    @Test
    void isEmptyWithoutLettersOrDigits() {
        assertEquals("", Slugs.of("!!!"));
    }
}
