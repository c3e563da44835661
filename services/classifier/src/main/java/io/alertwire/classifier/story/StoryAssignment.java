package io.alertwire.classifier.story;

import io.alertwire.events.MatchEvent;
import java.util.List;

/**
 * The story an article was put in, as its matches report it.
 *
 * @param storyId the story's id: the articleId of its first article
 * @param duplicates how many other articles were in the story before this one
 * @param alsoReportedBy the first {@link MatchEvent#MAX_ALSO_REPORTED_BY} of them
 */
public record StoryAssignment(String storyId, int duplicates, List<MatchEvent.AlsoReportedBy> alsoReportedBy) {

    public StoryAssignment {
        alsoReportedBy = List.copyOf(alsoReportedBy);
    }

    /** An article in a story of its own. */
    public static StoryAssignment alone(String articleId) {
        return new StoryAssignment(articleId, 0, List.of());
    }
}
