package io.alertwire.classifier.matching;

import java.time.Duration;
import java.util.List;

/** A {@link TopicMatcher} outside Quarkus, with the default settings. */
public final class TestMatchers {

    private TestMatchers() {
    }

    public static TopicMatcher create() {
        return new TopicMatcher(new MatchingConfig() {
            @Override
            public double scoreSaturation() {
                return 1.0;
            }

            @Override
            public int maxHighlights() {
                return 20;
            }

            @Override
            public Duration startupWait() {
                return Duration.ofSeconds(1);
            }
        });
    }

    /** Registers one topic (id = query) and says whether it was accepted. */
    public static boolean put(TopicMatcher matcher, String id, String query) {
        return matcher.put(new TopicDefinition(id, id, query, List.of(), 0, "1"));
    }
}
