package io.alertwire.classifier.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Matching across languages, field filters and the presearcher, on a matcher outside Quarkus. */
class MultilingualMatchingTest {

    private static TopicMatcher matcher;

    @BeforeAll
    static void createMatcher() {
        matcher = TestMatchers.create();
    }

    @AfterAll
    static void closeMatcher() {
        matcher.close();
    }

    private static TopicMatch match(String query, ArticleText article) {
        String id = "t" + Integer.toHexString(query.hashCode());
        assertTrue(TestMatchers.put(matcher, id, query), query);
        try {
            return matcher.match(article).stream().filter(m -> m.topicId().equals(id)).findFirst().orElse(null);
        } finally {
            matcher.remove(id);
        }
    }

    private static boolean matches(String query, ArticleText article) {
        return match(query, article) != null;
    }

    private static ArticleText korean(String title, String body) {
        return new ArticleText(title, body, "ko");
    }

    @Test
    void koreanWordsMatchWithoutTheirParticles() {
        ArticleText article = korean("북한이 남북회담을 제안했다", "통일부는 북측의 제안을 검토하고 있다고 밝혔다.");
        assertTrue(matches("북한", article));
        assertTrue(matches("남북회담", article));
        assertTrue(matches("\"남북 회담\"", article));
        assertTrue(matches("통일부 제안", article));
        assertFalse(matches("정상회담", article));
        TopicMatch match = match("남북회담", article);
        assertFalse(match.highlights().isEmpty());
        assertTrue(match.score() > 0 && match.score() < 1, String.valueOf(match.score()));
    }

    @Test
    void koreanTextOfUnknownLanguageIsAnalysedAsKorean() {
        assertTrue(matches("북한", new ArticleText("", "북한은 대화를 거부했다", null)));
    }

    @Test
    void englishWordsMatchTheirInflectionsAndAnyCase() {
        ArticleText article = new ArticleText("Seoul proposes TALKS", "Envoys met in Panmunjom.", "en");
        assertTrue(matches("talk envoy", article));
        assertEquals(List.of("TALKS", "Envoys"), match("talk envoy", article).highlights());
        assertTrue(matches("negotiat* OR envoy", article));
    }

    @Test
    void otherLanguagesAreFoldedAndCjkBigrammed() {
        assertTrue(matches("coréias", new ArticleText("", "As duas Coréias retomaram o diálogo.", "pt")));
        assertTrue(matches("dialogo", new ArticleText("", "As duas Coréias retomaram o diálogo.", "pt")));
        ArticleText chinese = new ArticleText("", "朝鲜与韩国举行会谈。", "zh");
        assertTrue(matches("会谈", chinese));
        assertFalse(matches("谈判", chinese));
    }

    @Test
    void prefixesMatchAndArePreFiltered() {
        ArticleText talks = new ArticleText("", "Negotiations resumed in Seoul.", "en");
        ArticleText sport = new ArticleText("", "The football season opened.", "en");
        assertTrue(matches("negotiat*", talks));
        assertTrue(matches("negotiat* NEAR/3 seoul", talks));
        assertTrue(TestMatchers.put(matcher, "prefix-only", "negotiat*"));
        try {
            assertEquals(0, matcher.candidates(sport), "a prefix query must not be a candidate for every article");
            assertEquals(1, matcher.candidates(talks));
        } finally {
            matcher.remove("prefix-only");
        }
    }

    @Test
    void onearRequiresTheWrittenOrder() {
        ArticleText article = new ArticleText("", "Seoul proposed talks to Pyongyang.", "en");
        assertTrue(matches("seoul ONEAR/5 pyongyang", article));
        assertFalse(matches("pyongyang ONEAR/5 seoul", article));
        assertTrue(matches("pyongyang NEAR/5 seoul", article));
        assertFalse(matches("seoul ONEAR/2 pyongyang", article));
    }

    @Test
    void titleSourceAndLanguageFilters() {
        ArticleText yonhap = new ArticleText("Summit planned", "The two leaders will hold talks.", "en",
                "https://www.yna.co.kr/view/AKR1", "Yonhap News Agency");
        ArticleText other = new ArticleText("Talks planned", "A summit is expected.", "ko",
                "https://example.com/a", "Example Daily");
        assertTrue(matches("title:summit", yonhap));
        assertFalse(matches("title:summit", other));
        assertTrue(matches("title:\"summit planned\"", yonhap));
        assertTrue(matches("talks source:yna.co.kr", yonhap));
        assertTrue(matches("talks source:www.yna.co.kr", yonhap));
        assertTrue(matches("talks source:yonhap", yonhap));
        assertTrue(matches("talks source:\"Yonhap News Agency\"", yonhap));
        assertFalse(matches("talks source:yna.co.kr", other));
        assertFalse(matches("talks source:co.kr lang:ko", yonhap));
        assertTrue(matches("talks lang:ko", other));
        assertTrue(matches("talks -lang:ko", yonhap));
        assertFalse(matches("talks -lang:ko", other));
    }
}
