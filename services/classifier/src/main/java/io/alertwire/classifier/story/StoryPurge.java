package io.alertwire.classifier.story;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Keeps the story tables to what the window and the retention need. */
@ApplicationScoped
public class StoryPurge {

    private static final Logger LOG = Logger.getLogger(StoryPurge.class);

    private final StoryRepository repository;
    private final StoriesConfig config;

    public StoryPurge(StoryRepository repository, StoriesConfig config) {
        this.repository = repository;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purge() {
        Instant now = Instant.now();
        // a band is looked up only by articles fetched within the window of it; twice the window
        // leaves room for articles that arrive late
        int bands = repository.deleteBandsBefore(now.minus(config.window().multipliedBy(2)));
        long articles = repository.deleteRecordedBefore(now.minus(config.retention()));
        if (bands > 0 || articles > 0) {
            LOG.infof("Stories purged: %d band entries, %d articles", bands, articles);
        }
    }
}
