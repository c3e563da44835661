package io.alertwire.classifier.topic;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the topic store. */
@ConfigMapping(prefix = "alertwire.classifier.topics")
public interface TopicsConfig {

    /**
     * How often the topic table is checked for changes made through other replicas; when its row
     * count or latest update time changed, all topics are reloaded into the matcher. A Quarkus
     * scheduler interval such as {@code 30s}.
     */
    @WithDefault("30s")
    String reloadInterval();
}
