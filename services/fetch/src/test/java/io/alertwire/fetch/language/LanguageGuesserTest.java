package io.alertwire.fetch.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertwire.events.ArticleEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Language guesses against the shared, hand-labelled news corpus (a plain unit test, no Quarkus). */
class LanguageGuesserTest {

    private static final Path CORPUS = Path.of("shared", "corpus", "korea-dialogue-dev.jsonl");
    private static final LanguageGuesser GUESSER = new LanguageGuesser();

    private static ArticleEvent article(String title, String content, String language) {
        return new ArticleEvent("a".repeat(64), "https://example.com/a", "https://example.com/a", "1", "test", title,
                null, content, language, null, Instant.now(), List.of(), List.of());
    }

    @Test
    void fillsInTheLanguageOnlyWhenTheFeedDeclaresNone() {
        String korean = "정부는 북한에 군사회담을 제안했다. 통일부는 남북 통신선 복원을 촉구했다.";
        assertEquals("ko", GUESSER.fillIn(article("군사회담 제안", korean, null)).language());
        assertEquals("en", GUESSER.fillIn(article("군사회담 제안", korean, "en")).language(), "declared wins");
        assertNull(GUESSER.fillIn(article("Talks", "Seoul", null)).language(), "too little text to tell");
    }

    @Test
    void guessesTheLanguageOfTheSharedCorpusArticles() throws IOException {
        Path corpus = repositoryRoot().resolve("..").resolve(CORPUS).normalize();
        Assumptions.assumeTrue(Files.isRegularFile(corpus), "shared corpus absent: " + corpus);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> items = new ArrayList<>();
        for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                items.add(json.readTree(line));
            }
        }
        LanguageGuesser guesser = new LanguageGuesser();
        long loadStart = System.nanoTime();
        guesser.guess("warm-up: the model is loaded on first use, which is measured apart");
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        for (JsonNode item : items) { // a first pass warms the JIT; the second is timed
            guesser.guess(item.path("text").asText(""));
        }

        int right = 0;
        List<String> wrong = new ArrayList<>();
        long start = System.nanoTime();
        for (JsonNode item : items) {
            String expected = item.path("lang").asText();
            ArticleEvent guessed = guesser.fillIn(article(item.path("title").asText(""), item.path("text").asText(""),
                    null));
            if (expected.equals(guessed.language())) {
                right++;
            } else {
                wrong.add(item.path("id").asText() + " " + expected + "→" + guessed.language());
            }
        }
        double micros = (System.nanoTime() - start) / 1000.0 / items.size();
        double accuracy = (double) right / items.size();
        System.out.printf("language guesses: %d/%d right (%.3f), %.0f µs per article, model load %d ms; wrong: %s%n",
                right, items.size(), accuracy, micros, loadMillis, wrong);
        assertTrue(accuracy >= 0.95, "accuracy " + accuracy + "; wrong: " + wrong);
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder holding mvnw above " + Path.of("").toAbsolutePath());
    }
}
