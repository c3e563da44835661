package io.alertwire.classifier.story;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.alertwire.classifier.Api;
import io.alertwire.events.ArticleEvent;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class StoryServiceTest {

    @Inject
    StoryService stories;

    /** A report of its own: mostly unique words, so that no other test's article is like it. */
    private static String report() {
        StringBuilder text = new StringBuilder("Officials met and discussed ");
        for (int i = 0; i < 40; i++) {
            text.append(Api.uniqueWord()).append(i % 8 == 7 ? ". " : " ");
        }
        return text + "They agreed to meet again.";
    }

    private StoryAssignment assign(ArticleEvent article) {
        return stories.assign(article, article.content());
    }

    @Test
    void putsWireCopyIntoStoryOfOriginalAndCountsIt() {
        String text = report();
        ArticleEvent original = StoryTestArticles.article("Korea Herald", "Talks resume", text, "en");
        ArticleEvent copy = StoryTestArticles.article("Wire Service", "Talks resume after a year",
                "SEOUL (Wire) - " + text + " Copyright Wire Service. All rights reserved.", "en");
        ArticleEvent other = StoryTestArticles.article("Korea Herald", "Talks resume", report(), "en");

        StoryAssignment first = assign(original);
        StoryAssignment second = assign(copy);
        StoryAssignment third = assign(other);

        assertEquals(original.articleId(), first.storyId(), "a story is named after its first article");
        assertEquals(0, first.duplicates());
        assertEquals(first.storyId(), second.storyId());
        assertEquals(1, second.duplicates());
        assertEquals(List.of(original.url()), second.alsoReportedBy().stream().map(a -> a.url()).toList());
        assertEquals("Korea Herald", second.alsoReportedBy().get(0).sourceName());
        assertNotEquals(first.storyId(), third.storyId(), "another report is another story");
    }

    @Test
    void givesRedeliveredArticleTheSameStoryAndCount() {
        String text = report();
        ArticleEvent original = StoryTestArticles.article("Yonhap", "Envoy visits", text, "en");
        ArticleEvent copy = StoryTestArticles.article("Aggregator", "Envoy visits", text, "en");
        assign(original);
        StoryAssignment once = assign(copy);
        assign(StoryTestArticles.article("Another", "Envoy visits", text, "en"));

        StoryAssignment again = assign(copy);

        assertEquals(once, again);
        assertEquals(1, again.duplicates(), "only articles that were in the story before it count");
    }

    @Test
    void startsNewStoryForCopyFetchedOutsideTheWindow() {
        String text = report();
        ArticleEvent old = StoryTestArticles.article("Archive", "Talks", text, "en");
        old = new ArticleEvent(old.articleId(), old.url(), old.canonicalUrl(), old.sourceId(), old.sourceName(),
                old.title(), old.summary(), old.content(), old.language(), null,
                old.fetchedAt().minus(java.time.Duration.ofDays(30)), List.of(), List.of());
        StoryAssignment before = assign(old);
        StoryAssignment now = assign(StoryTestArticles.article("Today", "Talks", text, "en"));
        assertNotEquals(before.storyId(), now.storyId());
    }

    @Test
    void putsKoreanRewriteWithOtherParticlesIntoOneStory() {
        String text = "통일부는 28일 남북 고위급 회담을 다음 달 판문점에서 열자고 북한에 제안했다. 정부는 이산가족 상봉과 "
                + "군사 당국 회담도 함께 논의하자는 입장이며, 북측의 답변을 기다리고 있다고 밝혔다. " + Api.uniqueWord();
        String rewrite = "(서울=연합뉴스) 통일부가 28일 남북 고위급 회담을 다음 달 판문점에서 열자고 북한에 제안했다. 정부는 "
                + "이산가족 상봉과 군사 당국 회담도 함께 논의하자는 입장으로, 북측의 답변을 기다리는 중이라고 밝혔다. "
                + text.substring(text.lastIndexOf(' ') + 1);
        StoryAssignment first = assign(StoryTestArticles.article("KBS", "정부, 남북 고위급 회담 제안", text, "ko"));
        StoryAssignment second = assign(StoryTestArticles.article("Yonhap", "통일부, 北에 고위급 회담 제안", rewrite, "ko"));
        assertEquals(first.storyId(), second.storyId());
    }

    @Test
    void putsCopiesClassifiedAtTheSameMomentIntoOneStory() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 10; round++) {
                String text = report();
                List<Callable<StoryAssignment>> copies = new ArrayList<>();
                for (int copy = 0; copy < 4; copy++) {
                    ArticleEvent article = StoryTestArticles.article("Replica " + copy, "Copy " + copy,
                            "Copy number " + copy + ". " + text, "en");
                    copies.add(() -> assign(article));
                }
                Set<String> storyIds = new HashSet<>();
                Set<Integer> duplicates = new HashSet<>();
                for (Future<StoryAssignment> result : pool.invokeAll(copies)) {
                    storyIds.add(result.get().storyId());
                    duplicates.add(result.get().duplicates());
                }
                assertEquals(1, storyIds.size(), "round " + round + ": " + storyIds);
                assertEquals(Set.of(0, 1, 2, 3), duplicates, "each copy saw the ones committed before it");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void listsArticlesOfStoryAndAnswers404ForUnknownOne() {
        String text = report();
        ArticleEvent original = StoryTestArticles.article("Korea Times", "Hotline restored", text, "en");
        ArticleEvent copy = StoryTestArticles.article("Daily Digest", "Hotline back", text + " More later.", "en");
        String storyId = assign(original).storyId();
        assign(copy);

        Api.admin().get("/api/stories/" + storyId).then().statusCode(200)
                .body("storyId", equalTo(storyId))
                .body("size", equalTo(2))
                .body("articles.articleId", contains(original.articleId(), copy.articleId()))
                .body("articles[0].sourceName", equalTo("Korea Times"))
                .body("articles[1].title", equalTo("Hotline back"));
        Api.admin().get("/api/stories/no-such-story").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404));
        given().get("/api/stories/" + storyId).then().statusCode(401);
    }
}
