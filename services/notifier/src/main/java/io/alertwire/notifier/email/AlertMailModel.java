package io.alertwire.notifier.email;

import io.alertwire.notifier.delivery.AlertStory;
import java.util.List;

/**
 * What the alert mail templates show.
 *
 * @param publishedAt the publication time, formatted for reading; empty when unknown
 * @param topics the topic names, comma-separated
 * @param unsubscribeUrl the page that unsubscribes the recipient
 */
public record AlertMailModel(
        String title,
        String url,
        String sourceName,
        String publishedAt,
        String snippet,
        String topics,
        List<AlertStory.OtherReport> alsoReportedBy,
        String unsubscribeUrl) {
}
