package io.alertwire.notifier.email;

import io.alertwire.notifier.delivery.AlertStory;
import java.util.List;

/**
 * What the digest mail templates show: the stories grouped by topic. A story that matched several
 * of the subscription's topics is listed under each of them.
 *
 * @param heading e.g. {@code Daily digest: 5 stories on Inter-Korean dialogue}
 * @param timezone the zone the times are shown in
 * @param unsubscribeUrl the page that unsubscribes the recipient
 */
public record DigestMailModel(String heading, String timezone, List<Topic> topics, String unsubscribeUrl) {

    /** One topic and its stories. */
    public record Topic(String name, List<Story> stories) {
    }

    /**
     * One story.
     *
     * @param publishedAt the publication time in the subscriber's zone; empty when unknown
     */
    public record Story(String title, String url, String sourceName, String publishedAt, String snippet,
            List<AlertStory.OtherReport> alsoReportedBy) {
    }
}
