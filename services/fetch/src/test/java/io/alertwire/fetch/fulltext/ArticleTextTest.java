package io.alertwire.fetch.fulltext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ArticleTextTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = ArticleTextTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void keepsTheArticleParagraphsInOrderAndDropsThePageFurniture() throws IOException {
        String text = ArticleText.extract(fixture("news-page.html"), "https://daily.example.com/talks");

        List<String> paragraphs = Arrays.asList(text.split("\n\n"));
        assertEquals(List.of(
                "South Korea on Monday proposed military talks with North Korea to ease tensions along the heavily "
                        + "fortified border, the first such offer in several years.",
                "The defence ministry said it had suggested the talks take place at the truce village of Panmunjom "
                        + "next week, and urged Pyongyang to respond through the military hotline.",
                "A hotline silent since April",
                "“We hope the North will respond positively so that the two sides can discuss ways to prevent "
                        + "accidental clashes,” a ministry spokesperson told reporters in Seoul.",
                "North Korea has not answered routine calls on the liaison and military lines since April, according "
                        + "to the unification ministry.",
                "Analysts said the proposal tests whether Pyongyang is willing to restore communication after a year "
                        + "of heated rhetoric on both sides."), paragraphs);
        for (String furniture : List.of("Advertisement", "cookies", "Reading Time", "Why you can trust",
                "Select Voice", "WPM", "Share on", "Related stories", "Most read", "More from", "comments",
                "Photo: Reuters", "newsletter", "All rights reserved", "Politics", "World")) {
            assertFalse(text.contains(furniture), "furniture left in the text: " + furniture);
        }
    }

    @Test
    void findsTheArticleInAPageWithoutArticleMarkup() {
        String html = "<html><body><div class=menu><a href=/>Home</a> <a href=/news>News</a></div>"
                + "<div class=x><p>Short teaser elsewhere.</p></div>"
                + "<div class=story><p>" + "First paragraph of the story about the summit. ".repeat(5) + "</p>"
                + "<p>Advertisement</p><p>" + "Second paragraph with what the envoy said. ".repeat(5) + "</p></div>"
                + "</body></html>";

        String text = ArticleText.extract(html, "https://example.com/");

        assertTrue(text.startsWith("First paragraph of the story"), text);
        assertTrue(text.endsWith("what the envoy said."), text);
        assertFalse(text.contains("Advertisement"), text);
        assertFalse(text.contains("teaser"), text);
    }

    @Test
    void givesNothingForAPageWithoutText() {
        assertEquals("", ArticleText.extract("<html><body><nav><a href=/>Home</a></nav></body></html>", "https://x/"));
    }

    /** The text of a real article page (SCMP), as a reader copies it: furniture lines and all. */
    @Test
    void dropsTheFurnitureLinesOfARealArticlePage() throws IOException {
        Path seed = repositoryRoot().resolve("../shared/corpus/seed-article-scmp.txt").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(seed), "seed article not found at " + seed + "; skipping");
        List<String> lines = Files.readAllLines(seed, StandardCharsets.UTF_8);

        List<String> kept = lines.stream().filter(line -> !FurnitureLines.isFurniture(line)).toList();
        for (String furniture : List.of("Advertisement", "Select Voice", "Reading Time:3 minutes",
                "Why you can trust SCMP", "4", "Choose your listening speed", "Get through articles 2x faster",
                "1.25x", "250 WPM", "Slow", "Average", "Fast")) {
            assertFalse(kept.contains(furniture), "furniture line kept: " + furniture);
        }
        assertTrue(kept.stream().noneMatch(line -> line.endsWith("Photo: Reuters")
                || line.endsWith("Photo: KCNA/KNA/AFP")), "photo captions are furniture");
        // every paragraph of the article itself stays
        for (String paragraph : lines) {
            if (paragraph.length() > 150 && !paragraph.contains("Photo:")) {
                assertTrue(kept.contains(paragraph), "article paragraph dropped: " + paragraph);
            }
        }
        assertTrue(kept.contains("She neither confirmed nor denied reports of Kim’s refusal."));

        // and the same lines as the paragraphs of a page come out as the article alone
        String page = lines.stream().map(line -> "<p>" + line + "</p>").collect(Collectors.joining("\n",
                "<html><body><article>", "</article></body></html>"));
        String text = ArticleText.extract(page, "https://www.scmp.com/");
        assertTrue(text.contains("South Korea’s Ministry of Foreign Affairs said on Thursday"), text);
        assertFalse(text.contains("Advertisement") || text.contains("Select Voice") || text.contains("WPM"), text);
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
