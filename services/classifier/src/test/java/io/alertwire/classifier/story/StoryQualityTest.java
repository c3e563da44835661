package io.alertwire.classifier.story;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alertwire.events.ArticleEvent;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Split and merge rates of story clustering on the five versions of every article of the shared
 * development corpus ({@link StoryVariants}), through the real store.
 */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class StoryQualityTest {

    /** Copies of one report put in another story than most of its copies, per copy. */
    private static final double MAX_SPLIT_RATE = 0.05;
    /** Reports sharing a story with another report, per report. */
    private static final double MAX_MERGE_RATE = 0.01;

    @Inject
    StoryService stories;

    @Test
    void keepsCopiesOfOneReportTogetherAndDifferentReportsApart() {
        Path corpus = StoryVariants.corpus();
        Assumptions.assumeTrue(corpus != null, "shared corpus not found");
        List<StoryVariants.Version> versions = StoryVariants.build(corpus);
        String run = UUID.randomUUID().toString();
        Instant now = Instant.now();

        Map<Integer, Map<String, Integer>> storiesOfReport = new HashMap<>();
        Map<String, Set<Integer>> reportsOfStory = new HashMap<>();
        for (int i = 0; i < versions.size(); i++) {
            StoryVariants.Version version = versions.get(i);
            String id = StoryTestArticles.sha256(run + ":" + i);
            ArticleEvent article = new ArticleEvent(id, version.url() + "#" + id, version.url() + "#" + id, "1",
                    version.sourceName(), version.title(), "", version.text(), version.language(), null,
                    now.plusSeconds(i), List.of(), List.of());
            String storyId = stories.assign(article, version.text()).storyId();
            storiesOfReport.computeIfAbsent(version.report(), r -> new HashMap<>()).merge(storyId, 1, Integer::sum);
            reportsOfStory.computeIfAbsent(storyId, s -> new HashSet<>()).add(version.report());
        }

        int copies = 0;
        int split = 0;
        for (Map<String, Integer> byStory : storiesOfReport.values()) {
            int all = byStory.values().stream().mapToInt(Integer::intValue).sum();
            copies += all - 1;
            split += all - Collections.max(byStory.values());
        }
        Set<Integer> merged = new HashSet<>();
        List<Set<Integer>> mergedGroups = new ArrayList<>();
        for (Set<Integer> reports : reportsOfStory.values()) {
            if (reports.size() > 1) {
                merged.addAll(reports);
                mergedGroups.add(reports);
            }
        }
        double splitRate = (double) split / copies;
        double mergeRate = (double) merged.size() / storiesOfReport.size();
        System.out.printf("Stories on %d versions of %d reports: split rate %.4f (%d of %d copies), merge rate %.4f "
                + "(%d of %d reports; groups %s)%n", versions.size(), storiesOfReport.size(), splitRate, split, copies,
                mergeRate, merged.size(), storiesOfReport.size(), mergedGroups);
        assertTrue(splitRate <= MAX_SPLIT_RATE, "split rate " + splitRate);
        assertTrue(mergeRate <= MAX_MERGE_RATE, "merge rate " + mergeRate + " " + mergedGroups);
    }
}
