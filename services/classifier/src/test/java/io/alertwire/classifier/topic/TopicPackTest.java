package io.alertwire.classifier.topic;

import static io.alertwire.classifier.Api.admin;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertwire.classifier.matching.ArticleFields;
import io.alertwire.classifier.query.QueryCompiler;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shipped topic pack: present after start, valid, and measured against labelled articles. */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class TopicPackTest {

    private static final String DIALOGUE = "inter-korean-dialogue";
    private static final List<String> PACK = List.of(DIALOGUE, "us-north-korea-diplomacy");

    @Test
    void packTopicsExistAfterStartAndTheirQueriesParse() {
        QueryCompiler compiler = new QueryCompiler(ArticleFields.queryFields());
        for (String id : PACK) {
            String query = admin().get("/api/topics/" + id).then().statusCode(200).extract().path("query");
            assertDoesNotThrow(() -> compiler.compile(query), id);
        }
        assertEquals("Inter-Korean dialogue", admin().get("/api/topics/" + DIALOGUE).then().extract().path("name"));
        // V3 replaced the shipped V2 queries: Korean words no longer need prefix hacks
        String query = admin().get("/api/topics/" + DIALOGUE).then().extract().path("query");
        assertTrue(query.contains("OR 남북 OR") && !query.contains("남북*"), query);
    }

    @Test
    void interKoreanDialogueReachesF1OfNinetyPercentOnDevCorpus() throws IOException {
        Path corpus = corpus();
        Assumptions.assumeTrue(corpus != null, "shared corpus not found");
        ObjectMapper json = new ObjectMapper();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (String line : Files.readAllLines(corpus)) {
            JsonNode article = json.readTree(line);
            Map<String, Object> body = new HashMap<>();
            body.put("title", article.path("title").asText(""));
            body.put("text", article.path("text").asText(""));
            // the language fetch-service detects; the corpus gives it for every article
            if (article.hasNonNull("lang")) {
                body.put("language", article.path("lang").asText());
            }
            if (article.hasNonNull("url")) {
                body.put("url", article.path("url").asText());
            }
            List<String> matched = admin().body(body).post("/api/classify").then().statusCode(200)
                    .extract().path("matches.topicId");
            boolean hit = matched.contains(DIALOGUE);
            boolean relevant = article.path("relevant").asBoolean();
            if (hit && relevant) {
                tp++;
            } else if (hit) {
                fp++;
                System.out.println("false positive: " + article.path("id").asText() + " " + article.path("reason").asText());
            } else if (relevant) {
                fn++;
                System.out.println("false negative: " + article.path("id").asText() + " " + article.path("reason").asText());
            } else {
                tn++;
            }
        }
        double precision = tp / (double) Math.max(1, tp + fp);
        double recall = tp / (double) Math.max(1, tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        System.out.printf("inter-korean-dialogue on %s: tp=%d fp=%d fn=%d tn=%d precision=%.3f recall=%.3f F1=%.3f%n",
                corpus.getFileName(), tp, fp, fn, tn, precision, recall, f1);
        assertTrue(f1 >= 0.90, "F1 " + f1 + " below 0.90");
    }

    /** {@code ../shared/corpus/} relative to the project root (the folder holding {@code mvnw}). */
    private static Path corpus() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null || dir.getParent() == null) {
            return null;
        }
        Path file = dir.getParent().resolve("shared/corpus/korea-dialogue-dev.jsonl");
        return Files.exists(file) ? file : null;
    }
}
