package io.alertwire.classifier.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alertwire.classifier.matching.ArticleAnalyzer;
import io.alertwire.classifier.matching.ArticleFields;
import java.util.List;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryParserTest {

    private static final QueryCompiler COMPILER = new QueryCompiler(new ArticleAnalyzer(), ArticleFields.TEXT);

    private static String lucene(String query) {
        return COMPILER.compile(query).toString(ArticleFields.TEXT);
    }

    @Test
    void juxtapositionIsAnd() {
        QueryNode node = QueryParser.parse("talks dialogue");
        QueryNode.And and = assertInstanceOf(QueryNode.And.class, node);
        assertEquals(List.of(new QueryNode.Term("talks", false, 0), new QueryNode.Term("dialogue", false, 6)),
                and.clauses());
        assertEquals(lucene("talks AND dialogue"), lucene("talks dialogue"));
        assertEquals("+talk +dialogue", lucene("talks dialogue"));
    }

    @Test
    void orBindsLooserThanAnd() {
        assertEquals("(+a +b) (+c +d)", lucene("a b OR c AND d"));
        assertEquals("+(a b) +c", lucene("(a OR b) c"));
    }

    @Test
    void notAndMinusExclude() {
        assertEquals("+talk -kpop", lucene("talks NOT kpop"));
        assertEquals("+talk -kpop", lucene("talks -kpop"));
        assertEquals("+talk -(a b)", lucene("talks -(a OR b)"));
    }

    @Test
    void phrasesAndMultiTokenWordsBecomePhrases() {
        assertEquals("\"north korea\"", lucene("\"North Korea\""));
        assertEquals("\"inter korean\"", lucene("inter-korean"));
        assertEquals("\"kim jong un\"", lucene("\"Kim Jong-un\""));
    }

    @Test
    void wordsAreAnalysedLikeArticles() {
        assertEquals("talk", lucene("TALKS"));
        assertEquals("seoul", lucene("Seoul's"));
        assertEquals("cafe", lucene("café"));
        assertEquals("북한", lucene("북한"));
    }

    @Test
    void lowerCaseOperatorsAreWords() {
        assertEquals("+rock +or +roll", lucene("rock or roll"));
        assertEquals("+not +now", lucene("not now"));
    }

    @Test
    void supportsPrefixAndNear() {
        assertEquals("negotiat*", lucene("negotiat*"));
        Query near = COMPILER.compile("\"north korea\" NEAR/10 talks");
        assertTrue(near.toString().contains("MAXGAPS/10"), near.toString());
    }

    static Stream<Arguments> invalidQueries() {
        return Stream.of(
                Arguments.of("", 0, "empty query"),
                Arguments.of("   ", 0, "empty query"),
                Arguments.of("(talks", 0, "'(' is never closed"),
                Arguments.of("talks)", 5, "')' has no matching '('"),
                Arguments.of("(a OR b))", 8, "')' has no matching '('"),
                Arguments.of("()", 0, "empty parentheses"),
                Arguments.of("\"north korea", 0, "unterminated phrase"),
                Arguments.of("talks \"\"", 6, "empty phrase"),
                Arguments.of("talks OR", 6, "dangling operator 'OR'"),
                Arguments.of("OR talks", 0, "dangling operator 'OR'"),
                Arguments.of("talks AND", 6, "dangling operator 'AND'"),
                Arguments.of("a OR OR b", 2, "dangling operator 'OR'"),
                Arguments.of("talks NOT", 6, "dangling operator 'NOT'"),
                Arguments.of("talks -", 6, "dangling operator '-'"),
                Arguments.of("NOT kpop", 0, "not negated"),
                Arguments.of("-a -b", 0, "not negated"),
                Arguments.of("a OR NOT b", 5, "not negated"),
                Arguments.of("a NEAR/0 b", 2, "NEAR needs a distance"),
                Arguments.of("a*", 0, "at least 2 characters"),
                Arguments.of("a*b", 1, "only at the end"),
                Arguments.of("talks ...", 6, "no searchable word"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidQueries")
    void reportsErrorsWithPosition(String query, int position, String message) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> COMPILER.compile(query));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(position, e.position(), e.getMessage());
    }
}
