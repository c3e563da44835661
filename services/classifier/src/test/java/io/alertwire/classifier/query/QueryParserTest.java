package io.alertwire.classifier.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alertwire.classifier.matching.ArticleFields;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The language's syntax and what it compiles to. Structure is checked on the English fields alone
 * (readable Lucene strings); the real, all-languages compiler is checked for errors.
 */
class QueryParserTest {

    private static final QueryFields.Analysed EN = ArticleFields.queryFields().analysed().get(0);
    private static final QueryCompiler ENGLISH = new QueryCompiler(new QueryFields(ArticleFields.analyzer(),
            List.of(EN), ArticleFields.SOURCE, ArticleFields.LANGUAGE));
    private static final QueryCompiler COMPILER = new QueryCompiler(ArticleFields.queryFields());

    private static String lucene(String query) {
        return ENGLISH.compile(query).toString(EN.text());
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
    void phrasesAndMultiTokenWordsBecomePhrasesThatAlsoRequireTheirWordPairs() {
        assertEquals("+\"north korea\" #text_en_pairs:north korea", lucene("\"North Korea\""));
        assertEquals("+\"inter korean\" #text_en_pairs:inter korean", lucene("inter-korean"));
        assertEquals("+\"kim jong un\" #(#text_en_pairs:kim jong #text_en_pairs:jong un)",
                lucene("\"Kim Jong-un\""));
    }

    @Test
    void wordsAreAnalysedLikeArticles() {
        assertEquals("talk", lucene("TALKS"));
        assertEquals("seoul", lucene("Seoul's"));
        assertEquals("cafe", lucene("café"));
        assertEquals("북한", lucene("북한"));
    }

    @Test
    void wordsAreSearchedInEveryLanguageEachAnalysedItsOwnWay() {
        String all = COMPILER.compile("북한이 talks").toString();
        assertTrue(all.contains("text_ko:북한 "), all);      // Nori drops the particle 이
        assertTrue(all.contains("text_en:북한이"), all);      // whole words elsewhere
        assertTrue(all.contains("text_en:talk "), all);       // English stemming
        assertTrue(all.contains("text_icu:talks"), all);      // ICU folds, does not stem
        String korean = COMPILER.compile("남북회담").toString();
        assertTrue(korean.contains("text_ko:\"남북 회담\""), korean);
    }

    @Test
    void lowerCaseOperatorsAreWords() {
        assertEquals("+rock +or +roll", lucene("rock or roll"));
        assertEquals("+not +now", lucene("not now"));
    }

    @Test
    void prefixesCarryTheirHeadForThePresearcher() {
        assertEquals("+negotiat* #text_en_prefix:neg", lucene("negotiat*"));
        assertEquals("+남북* #text_en_prefix:남북", lucene("남북*"));
    }

    @Test
    void nearIsUnorderedAndOnearOrdered() {
        Query near = ENGLISH.compile("\"north korea\" NEAR/10 talks");
        assertTrue(near.toString().contains("MAXGAPS/10(UNORDERED("), near.toString());
        Query onear = ENGLISH.compile("seoul ONEAR/3 pyongyang");
        assertTrue(onear.toString().contains("MAXGAPS/3(ORDERED(seoul,pyongyang))"), onear.toString());
        QueryNode.Near node = assertInstanceOf(QueryNode.Near.class, QueryParser.parse("a ONEAR/3 b"));
        assertTrue(node.ordered());
        // prefixes inside NEAR need their heads too, or the presearcher could not filter them
        assertTrue(lucene("negotiat* NEAR/5 seoul").contains("#text_en_prefix:neg"), lucene("negotiat* NEAR/5 seoul"));
        // phrases inside NEAR need their word pairs; plain words are not repeated (the presearcher
        // would pick a word it sees twice in both of its passes)
        assertEquals("+MAXGAPS/5(UNORDERED(BLOCK(north,korea),talk)) #text_en_pairs:north korea",
                lucene("\"north korea\" NEAR/5 talks"));
        assertEquals("+MAXGAPS/5(UNORDERED(MultiTerm(negotiat*),seoul)) #text_en_prefix:neg",
                lucene("negotiat* NEAR/5 seoul"));
    }

    @Test
    void fieldFiltersSearchTitleSourceAndLanguage() {
        assertEquals("title_en:summit", ENGLISH.compile("title:summit").toString());
        assertEquals("title_en:\"kim jong un\"", ENGLISH.compile("TITLE:\"Kim Jong Un\"").toString());
        assertEquals("+talk #source:yna.co.kr", lucene("talks source:yna.co.kr"));
        assertEquals("+talk #source:yna.co.kr", lucene("talks source:https://yna.co.kr/view/1"));
        assertEquals("+talk #source:yonhap news", lucene("talks source:\"Yonhap  News\""));
        assertEquals("+talk #lang:ko", lucene("talks lang:KO"));
        assertEquals("+talk -lang:en", lucene("talks -lang:en"));
        assertEquals("+title_en:or +talk", lucene("title:OR talks"));
        // a colon in any other word is just part of the word
        assertEquals("+\"time 10 30\" #(#text_en_pairs:time 10 #text_en_pairs:10 30)", lucene("time:10:30"));
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
                Arguments.of("a ONEAR/101 b", 2, "ONEAR needs a distance"),
                Arguments.of("a NEAR/3 b ONEAR/3 c", 11, "cannot be mixed"),
                Arguments.of("a NEAR/3 (b c)", 10, "join only words"),
                Arguments.of("title:a NEAR/3 b", 15, "cannot join title:"),
                Arguments.of("a*", 0, "at least 3 letters"),
                Arguments.of("talks ne*", 6, "at least 3 letters"),
                Arguments.of("남*", 0, "2 Korean"),
                Arguments.of("a*b", 1, "only at the end"),
                Arguments.of("talks ...", 6, "no searchable word"),
                Arguments.of("talks \u0000x", 6, "control character U+0000"),
                Arguments.of("lang:ko", 0, "only filters"),
                Arguments.of("source:yna.co.kr lang:ko", 0, "only filters"),
                Arguments.of("talks OR lang:ko", 9, "only filters"),
                Arguments.of("lang:korean talks", 0, "language code"),
                Arguments.of("talks title:", 6, "needs a word or a quoted phrase"),
                Arguments.of("talks title:(a OR b)", 6, "needs a word or a quoted phrase"),
                Arguments.of("talks source:yna*", 16, "not a wildcard"),
                Arguments.of("(".repeat(40) + "a" + ")".repeat(40), 32, "nested too deeply"),
                Arguments.of("a ".repeat(201), 400, "too many terms"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidQueries")
    void reportsErrorsWithPosition(String query, int position, String message) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> COMPILER.compile(query));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(position, e.position(), e.getMessage());
    }

    @Test
    void refusesQueriesThatExpandBeyondLuceneClauseLimit() {
        String huge = "\"" + "word ".repeat(350) + "\"";
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> COMPILER.compile(huge));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }
}
