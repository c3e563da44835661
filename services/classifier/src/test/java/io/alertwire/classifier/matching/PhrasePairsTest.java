package io.alertwire.classifier.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alertwire.classifier.query.QueryCompiler;
import io.alertwire.classifier.query.QuerySyntaxException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;

/**
 * A compiled phrase also requires its adjacent word pairs ({@link PairsAnalyzer}) so that the
 * Monitor can pre-filter it by them. That must never change what matches: the pairs field has to
 * hold every pair wherever the phrase is, in every analysis.
 */
class PhrasePairsTest {

    private static final QueryCompiler COMPILER = new QueryCompiler(ArticleFields.queryFields());

    /**
     * Word runs cut from every corpus article (English, Korean, other languages, mixed scripts),
     * as phrases and inside NEAR: each matches the article exactly when it does without its pairs.
     */
    @Test
    void pairsNeverChangeWhatMatches() throws IOException {
        List<ArticleText> articles = TestArticles.corpusAndMixedScript();
        Random random = new Random(7);
        int checked = 0;
        int matched = 0;
        int paired = 0;
        for (ArticleText article : articles) {
            MemoryIndex index = MemoryIndex.fromDocument(ArticleDocument.of(article).document(),
                    ArticleFields.analyzer());
            for (int i = 0; i < 24; i++) {
                // mostly runs of this article (they should match), some of another (they mostly should not)
                ArticleText from = i % 4 == 0 ? articles.get(random.nextInt(articles.size())) : article;
                String query = query(words(from), random);
                Query compiled;
                try {
                    compiled = COMPILER.compile(query);
                } catch (QuerySyntaxException e) {
                    continue; // words that analyse to nothing
                }
                Query alone = withoutPairs(compiled);
                boolean expected = index.search(alone) > 0;
                assertEquals(expected, index.search(compiled) > 0, query + " in " + article.title());
                checked++;
                matched += expected ? 1 : 0;
                paired += alone.equals(compiled) ? 0 : 1;
            }
        }
        assertTrue(matched > checked / 2, matched + " of " + checked + " matched");
        assertTrue(paired > checked * 8 / 10, "only " + paired + " of " + checked + " had pairs");
    }

    /** Where a position holds several tokens (alternatives), every combination with its neighbours is a pair. */
    @Test
    void stackedTokensPairWithEachNeighbour() throws IOException {
        Analyzer stacked = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                WhitespaceTokenizer source = new WhitespaceTokenizer();
                return new TokenStreamComponents(source, new SlashesStack(source));
            }
        };
        assertEquals(List.of("north korea", "north dprk", "korea talks", "dprk talks"),
                pairs(new PairsAnalyzer(stacked), "north korea/dprk talks"));
        assertEquals(List.of("kim jong", "jong un"), pairs(new PairsAnalyzer(stacked), "kim jong un"));
        assertEquals(List.of(), pairs(new PairsAnalyzer(stacked), "alone"));
    }

    /** A phrase, or a NEAR with a phrase (and perhaps a prefix) in it, from the words of an article. */
    private static String query(List<String> words, Random random) {
        if (words.size() < 6) {
            return "\"talks resume\"";
        }
        int at = random.nextInt(words.size() - 5);
        String phrase = "\"" + String.join(" ", words.subList(at, at + 2 + random.nextInt(3))) + "\"";
        String near = words.get(at + 5);
        String prefix = near.codePointCount(0, near.length()) >= 4
                ? near.substring(0, near.offsetByCodePoints(0, 3)) + "*" : near;
        return switch (random.nextInt(4)) {
            case 0 -> phrase + " NEAR/6 " + near;
            case 1 -> phrase + " ONEAR/8 " + prefix;
            case 2 -> "(" + prefix + " OR " + phrase + ") NEAR/8 " + words.get(at);
            default -> phrase;
        };
    }

    private static List<String> words(ArticleText article) {
        return Arrays.stream(article.text().split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    /**
     * The compiled query without the filters that search pairs fields: the phrase alone, and a NEAR
     * as its interval query (its other filters only repeat what the interval requires).
     */
    private static Query withoutPairs(Query query) {
        if (!(query instanceof BooleanQuery bool)) {
            return query;
        }
        BooleanQuery.Builder kept = new BooleanQuery.Builder();
        for (BooleanClause clause : bool.clauses()) {
            if (clause.getOccur() != BooleanClause.Occur.FILTER || !searchesPairs(clause.getQuery())) {
                kept.add(withoutPairs(clause.getQuery()), clause.getOccur());
            }
        }
        return kept.build();
    }

    private static boolean searchesPairs(Query query) {
        Set<String> fields = new HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }
        });
        return fields.stream().anyMatch(field -> field.endsWith("_pairs"));
    }

    private static List<String> pairs(Analyzer analyzer, String text) throws IOException {
        List<String> pairs = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                pairs.add(term.toString());
            }
            stream.end();
        }
        return pairs;
    }

    /** Splits "a/b" into a and b at one position, as a synonym filter stacks alternatives. */
    private static final class SlashesStack extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private String pending;

        SlashesStack(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (pending != null) {
                term.setEmpty().append(pending);
                increment.setPositionIncrement(0);
                pending = null;
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            int slash = term.toString().indexOf('/');
            if (slash > 0) {
                pending = term.toString().substring(slash + 1);
                term.setLength(slash);
            }
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending = null;
        }
    }
}
