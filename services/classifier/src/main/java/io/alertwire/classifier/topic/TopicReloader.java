package io.alertwire.classifier.topic;

import io.alertwire.classifier.matching.TopicMatcher;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Loads the enabled topics into the matcher at start, and again whenever the topic table changed
 * (checked every {@code alertwire.classifier.topics.reload-interval}), so that replicas converge on
 * the changes made through any one of them.
 */
@ApplicationScoped
public class TopicReloader {

    private static final Logger LOG = Logger.getLogger(TopicReloader.class);

    private final TopicService service;
    private final TopicMatcher matcher;
    private volatile TopicRepository.Fingerprint loaded;

    public TopicReloader(TopicService service, TopicMatcher matcher) {
        this.service = service;
        this.matcher = matcher;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            loaded = service.reloadAll();
        } catch (RuntimeException e) {
            // the scheduled check retries; until then the consumer waits for the first load
            LOG.errorf("Topics could not be loaded at start, will retry: %s", e.getMessage());
        }
    }

    @Scheduled(every = "${alertwire.classifier.topics.reload-interval:30s}",
            delayed = "${alertwire.classifier.topics.reload-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not before start-up has finished, nor while shutting down (the database is going away)
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reloadIfChanged() {
        if (!matcher.isLoaded() || !Objects.equals(service.fingerprint(), loaded)) {
            loaded = service.reloadAll();
        }
    }
}
