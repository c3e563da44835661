package io.alertwire.classifier.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alertwire.classifier.query.QuerySyntaxException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/**
 * The Monitor's pre-filtering never changes what matches: for over a thousand topics made of the
 * shared corpus's own words (so that many of them match), every article (the corpus's, and
 * mixed-script ones made from them) matches exactly the topics that running every compiled query on
 * it finds, with the same scores. The Monitor runs the queries as registered (rewritten once,
 * {@link PreparedQueries}); the brute force runs them as compiled. The brute force analyses
 * each field from its text, so this also checks that analysing the text once and reusing its
 * tokens ({@link AnalysedText}) indexes exactly what analysing each field did.
 */
class MonitorAgreesWithBruteForceTest {

    /** More than one registration batch: two segments, merged into one after the bulk load. */
    private static final int TOPICS = TopicMatcher.REGISTER_BATCH + 200;

    @Test
    void monitorMatchesEqualEveryQueryRunOnEveryArticle() throws IOException {
        List<ArticleText> articles = TestArticles.corpusAndMixedScript();
        TopicMatcher matcher = TestMatchers.create();
        Map<String, Query> queries = new LinkedHashMap<>();
        List<TopicDefinition> topics = topics(articles, matcher, queries);
        // all at once, as the topic reloader does: the batched registration path
        matcher.replaceAll(topics);
        assertEquals(TOPICS, matcher.size());
        int matches = 0;
        for (ArticleText article : articles) {
            MemoryIndex index = MemoryIndex.fromDocument(plainDocument(article), ArticleFields.analyzer());
            Map<String, Double> expected = new TreeMap<>();
            queries.forEach((id, query) -> {
                float raw = index.search(query);
                if (raw > 0) {
                    expected.put(id, raw / (raw + 1.0));
                }
            });
            Map<String, Double> actual = new TreeMap<>();
            matcher.match(article).forEach(match -> actual.put(match.topicId(), match.score()));
            assertEquals(expected, actual, "topics matching " + article.title() + " / "
                    + article.body().substring(0, Math.min(80, article.body().length())));
            matches += actual.size();
        }
        // enough matches that agreeing means something: topics come from the articles' own words
        assertTrue(matches > 200, "only " + matches + " matches");
        matcher.close();
    }

    /**
     * Highlights are what Lucene's own {@link HighlightsMatch} finds: the matcher runs candidates in
     * one pass (match, then score and hits for matches only) instead of asking every candidate for
     * its match positions, and must cut the same words from the same hits.
     */
    @Test
    void highlightsAreTheWordsLuceneHighlightsMatchFinds() throws IOException {
        List<ArticleText> articles = TestArticles.corpusAndMixedScript();
        TopicMatcher matcher = TestMatchers.create();
        Map<String, Query> queries = new LinkedHashMap<>();
        matcher.replaceAll(topics(articles, matcher, queries));
        Monitor reference = new Monitor(ArticleFields.analyzer());
        for (Map.Entry<String, Query> query : queries.entrySet()) {
            reference.register(new MonitorQuery(query.getKey(), query.getValue()));
        }
        int highlighted = 0;
        for (ArticleText article : articles) {
            ArticleDocument indexed = ArticleDocument.of(article);
            Map<String, List<String>> expected = new TreeMap<>();
            for (HighlightsMatch match : reference.match(indexed.document(), HighlightsMatch.MATCHER).getMatches()) {
                expected.put(match.getQueryId(), Highlights.cut(match.getHits(), indexed.sources(),
                        indexed.analysis().textField(), 20));
            }
            Map<String, List<String>> actual = new TreeMap<>();
            matcher.match(article).forEach(match -> actual.put(match.topicId(), match.highlights()));
            assertEquals(expected, actual, "highlights in " + article.title());
            highlighted += actual.values().stream().mapToInt(List::size).sum();
        }
        assertTrue(highlighted > 200, "only " + highlighted + " highlights");
        reference.close();
        matcher.close();
    }

    /** {@value #TOPICS} topics made of the articles' words (seeded); their compiled queries go to {@code queries}. */
    private static List<TopicDefinition> topics(List<ArticleText> articles, TopicMatcher matcher,
            Map<String, Query> queries) {
        List<TopicDefinition> topics = new ArrayList<>();
        Random random = new Random(42);
        while (queries.size() < TOPICS) {
            String query = topicFrom(articles.get(random.nextInt(articles.size())), random);
            String id = "t" + queries.size();
            try {
                queries.put(id, matcher.compiler().compile(query));
                topics.add(new TopicDefinition(id, id, query, List.of(), 0, "1"));
            } catch (QuerySyntaxException e) {
                // a word that analyses to nothing (punctuation-like): pick another topic
            }
        }
        return topics;
    }

    /**
     * The article's document with every text field analysed from its string by the field's analyser,
     * independently of the token reuse {@link ArticleDocument} does.
     */
    private static Document plainDocument(ArticleText article) {
        Analysis analysis = Analysis.forArticle(article.language(), article.text());
        Document document = new Document();
        document.add(new TextField(analysis.titleField(), article.title(), Field.Store.NO));
        document.add(new TextField(analysis.textField(), article.text(), Field.Store.NO));
        document.add(new TextField(analysis.prefixField(), article.text(), Field.Store.NO));
        document.add(new TextField(analysis.pairsField(), article.text(), Field.Store.NO));
        for (IndexableField field : ArticleDocument.of(article).document()) {
            if (field.name().equals(ArticleFields.SOURCE) || field.name().equals(ArticleFields.LANGUAGE)) {
                document.add(field);
            }
        }
        return document;
    }

    /** A query of the shapes users write, from the words of one article. */
    private static String topicFrom(ArticleText article, Random random) {
        List<String> words = Arrays.stream(article.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).toList();
        if (words.size() < 3) {
            return "talks";
        }
        int at = random.nextInt(words.size() - 2);
        String a = words.get(at);
        String b = words.get(at + 1);
        String c = words.get(random.nextInt(words.size()));
        String other = words.get(random.nextInt(words.size()));
        return switch (random.nextInt(11)) {
            case 0 -> a;
            case 1 -> "\"" + a + " " + b + "\"";
            case 2 -> a + " " + c;
            case 3 -> "(" + a + " OR " + c + ") " + other;
            case 4 -> a + " NEAR/5 " + c;
            case 5 -> a + " ONEAR/3 " + b;
            case 6 -> a.codePointCount(0, a.length()) >= 4 ? a.substring(0, a.offsetByCodePoints(0, 3)) + "* " + c : a;
            case 7 -> a + " -" + c;
            case 8 -> "title:" + a + " OR " + c;
            case 9 -> a + " lang:" + (article.language() == null ? "en" : article.language());
            default -> "(" + a + " OR " + b + ") (" + c + " OR " + other + ") source:"
                    + (random.nextBoolean() ? "news" : "co.kr");
        };
    }
}
