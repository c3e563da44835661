package io.alertwire.classifier.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The shared corpus's articles for matching tests (the test is skipped when the corpus is not there). */
final class TestArticles {

    private TestArticles() {
    }

    /** The corpus's articles, then mixed-script ones made from them. */
    static List<ArticleText> corpusAndMixedScript() throws IOException {
        List<ArticleText> articles = new ArrayList<>(corpus());
        Assumptions.assumeTrue(!articles.isEmpty(), "shared corpus not found");
        articles.addAll(mixedScript(articles));
        return articles;
    }

    /**
     * Articles that mix Hangul and Latin text, as Korean news quoting English names and English news
     * quoting Korean ones do: a Korean item's title over an English item's text and the reverse,
     * declared Korean, English or of unknown language (then the script decides the analysis).
     */
    private static List<ArticleText> mixedScript(List<ArticleText> corpus) {
        List<ArticleText> korean = corpus.stream().filter(a -> "ko".equals(a.language())).toList();
        List<ArticleText> english = corpus.stream().filter(a -> "en".equals(a.language())).toList();
        List<ArticleText> mixed = new ArrayList<>();
        String[] languages = {"ko", "en", null};
        for (int i = 0; i < Math.min(korean.size(), english.size()); i++) {
            ArticleText ko = korean.get(i);
            ArticleText en = english.get(i);
            String language = languages[i % languages.length];
            mixed.add(new ArticleText(ko.title(), en.body() + "\n\n" + ko.body(), language, ko.url(), ko.sourceName()));
            mixed.add(new ArticleText(en.title(), ko.body() + " " + en.title(), language, en.url(), en.sourceName()));
        }
        return mixed;
    }

    private static List<ArticleText> corpus() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null || dir.getParent() == null) {
            return List.of();
        }
        Path file = dir.getParent().resolve("shared/corpus/korea-dialogue-dev.jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        ObjectMapper json = new ObjectMapper();
        List<ArticleText> articles = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode article = json.readTree(line);
            articles.add(new ArticleText(article.path("title").asText(""), article.path("text").asText(""),
                    article.hasNonNull("lang") ? article.path("lang").asText() : null,
                    article.hasNonNull("url") ? article.path("url").asText() : null,
                    article.hasNonNull("source") ? article.path("source").asText() : null));
        }
        return articles;
    }
}
