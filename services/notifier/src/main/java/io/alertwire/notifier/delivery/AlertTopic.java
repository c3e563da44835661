package io.alertwire.notifier.delivery;

/** A topic an alert is about, as the classifier named it. */
public record AlertTopic(String id, String name) {
}
