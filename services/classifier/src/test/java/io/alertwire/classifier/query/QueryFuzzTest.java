package io.alertwire.classifier.query;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.alertwire.classifier.matching.ArticleFields;
import io.alertwire.classifier.matching.ArticleText;
import io.alertwire.classifier.matching.TestMatchers;
import io.alertwire.classifier.matching.TopicMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random query strings: each either compiles (and then registers and matches without
 * error) or is refused with a {@link QuerySyntaxException} pointing inside the query. Anything
 * else would be a 500 from the API.
 */
class QueryFuzzTest {

    private static final int QUERIES = 4_000;
    private static final int REGISTERED = 250;
    private static final List<ArticleText> ARTICLES = List.of(
            new ArticleText("North Korea talks", "Seoul proposed inter-korean talks; negotiations café 会谈 北.", "en",
                    "https://www.yna.co.kr/a", "Yonhap"),
            new ArticleText("북한이 남북회담을 제안", "통일부는 북한의 제안을 검토했다. talks", "ko"),
            new ArticleText("", "As duas Coréias retomaram o diálogo. 朝鲜与韩国举行会谈。", null));

    @Test
    void randomQueriesCompileOrFailWithAPositionInsideTheQuery() {
        QueryCompiler compiler = new QueryCompiler(ArticleFields.queryFields());
        TopicMatcher matcher = TestMatchers.create();
        RandomQueries random = new RandomQueries(20261128L);
        int compiled = 0;
        int registered = 0;
        try {
            for (int i = 0; i < QUERIES; i++) {
                String query = random.next();
                try {
                    compiler.compile(query);
                    compiled++;
                } catch (QuerySyntaxException e) {
                    assertTrue(e.position() >= 0 && e.position() <= query.length(),
                            "position " + e.position() + " outside query " + quote(query));
                    continue;
                } catch (RuntimeException | StackOverflowError e) {
                    fail("query " + quote(query) + " failed with " + e, e);
                }
                if (registered < REGISTERED) {
                    registered++;
                    assertTrue(TestMatchers.put(matcher, "q" + i, query), "not registered: " + quote(query));
                    if (registered % 25 == 0) {
                        ARTICLES.forEach(matcher::match);
                    }
                }
            }
            for (ArticleText article : ARTICLES) {
                matcher.match(article);
            }
        } finally {
            matcher.replaceAll(List.of());
        }
        System.out.printf("fuzz: %d queries, %d compiled, %d registered and matched%n", QUERIES, compiled, registered);
        assertTrue(compiled > QUERIES / 20, "the generator should also produce valid queries: " + compiled);
    }

    private static String quote(String query) {
        return "'" + (query.length() > 300 ? query.substring(0, 300) + "…" : query) + "'";
    }
}
