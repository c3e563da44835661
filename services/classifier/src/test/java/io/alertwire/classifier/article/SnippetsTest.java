package io.alertwire.classifier.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void keepsShortTextWhole() {
        assertEquals("Seoul proposes talks.", Snippets.around("Seoul  proposes\ntalks.", List.of("talks"), 240));
    }

    @Test
    void centresLongTextOnFirstHighlight() {
        String text = "lorem ipsum ".repeat(100) + "Seoul proposed talks with Pyongyang. " + "dolor sit ".repeat(100);
        String snippet = Snippets.around(text, List.of("Pyongyang", "talks"), 240);
        assertTrue(snippet.contains("talks with Pyongyang"), snippet);
        assertTrue(snippet.startsWith("…") && snippet.endsWith("…"), snippet);
        assertTrue(snippet.length() <= 242, snippet);
    }

    @Test
    void startsAtTheBeginningWithoutHighlights() {
        String snippet = Snippets.around("word ".repeat(200), List.of(), 240);
        assertTrue(snippet.startsWith("word") && snippet.endsWith("…"), snippet);
    }
}
