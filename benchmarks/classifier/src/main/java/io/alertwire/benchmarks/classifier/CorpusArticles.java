package io.alertwire.benchmarks.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertwire.classifier.matching.ArticleText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled real articles of {@code ../shared/corpus/korea-dialogue-dev.jsonl} (relative to the
 * project root, the folder holding {@code mvnw}; or the file named by {@code -Dalertwire.corpus}).
 */
public final class CorpusArticles {

    private static final String FILE = "shared/corpus/korea-dialogue-dev.jsonl";

    private CorpusArticles() {
    }

    /** The articles, or an empty list when the corpus is not there. */
    public static List<ArticleText> load() {
        Path file = locate();
        if (file == null) {
            return List.of();
        }
        ObjectMapper json = new ObjectMapper();
        List<ArticleText> articles = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode article = json.readTree(line);
                articles.add(new ArticleText(article.path("title").asText(""), article.path("text").asText(""),
                        article.hasNonNull("lang") ? article.path("lang").asText() : null,
                        article.hasNonNull("url") ? article.path("url").asText() : null,
                        article.hasNonNull("source") ? article.path("source").asText() : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return articles;
    }

    private static Path locate() {
        String named = System.getProperty("alertwire.corpus");
        if (named != null) {
            return Files.exists(Path.of(named)) ? Path.of(named) : null;
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null || dir.getParent() == null) {
            return null;
        }
        Path file = dir.getParent().resolve(FILE);
        return Files.exists(file) ? file : null;
    }
}
