package io.alertwire.fetch.article;

import io.alertwire.events.EventTopics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Publishes unsent rows of the {@code article} outbox to {@value EventTopics#ARTICLES} and stamps
 * them once the broker has acknowledged them. See the package documentation for the guarantees.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The outgoing channel; its topic and CloudEvents type are set in application.properties. */
    public static final String CHANNEL = "articles";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final ArticleRepository articles;
    private final Emitter<String> emitter;
    private final RelayConfig config;
    private final Counter published;

    public OutboxRelay(ArticleRepository articles, @Channel(CHANNEL) Emitter<String> emitter, RelayConfig config,
            MeterRegistry registry) {
        this.articles = articles;
        this.emitter = emitter;
        this.config = config;
        this.published = Counter.builder("alertwire.fetch.articles.published")
                .description("Articles acknowledged by the broker on " + EventTopics.ARTICLES)
                .register(registry);
    }

    @Scheduled(every = "${alertwire.fetch.relay-tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "article-outbox-relay",
            // not before start-up has finished: the Kafka emitter is wired during start-up
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        relayPending();
    }

    /**
     * Sends unsent articles, batch after batch, until none is left or a batch is not fully
     * acknowledged (the broker is struggling: the next run tries again). Safe to call from several
     * threads and replicas at once: each batch locks its rows and skips rows locked by others.
     *
     * @return how many articles were published
     */
    public int relayPending() {
        int total = 0;
        while (true) {
            BatchResult batch;
            try {
                batch = QuarkusTransaction.requiringNew()
                        .timeout(Math.toIntExact(config.relayAckTimeout().toSeconds() + 30))
                        .call(this::relayBatch);
            } catch (RuntimeException e) {
                LOG.warnf("Article relay run failed; unsent rows stay for the next run: %s", e.toString());
                return total;
            }
            total += batch.acknowledged();
            if (batch.claimed() < config.relayBatchSize() || batch.acknowledged() < batch.claimed()) {
                return total;
            }
        }
    }

    private record BatchResult(int claimed, int acknowledged) {
    }

    private BatchResult relayBatch() {
        List<ArticleRepository.Pending> pending = articles.lockUnsent(config.relayBatchSize());
        if (pending.isEmpty()) {
            return new BatchResult(0, 0);
        }
        List<CompletableFuture<String>> acks = new ArrayList<>(pending.size());
        for (ArticleRepository.Pending row : pending) {
            acks.add(send(row));
        }
        long deadline = System.nanoTime() + config.relayAckTimeout().toNanos();
        List<String> acknowledged = new ArrayList<>(pending.size());
        for (int i = 0; i < acks.size(); i++) {
            String articleId = pending.get(i).articleId();
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(articleId);
            } catch (TimeoutException e) {
                LOG.warnf("Article not acknowledged in time, will be sent again: articleId=%s", articleId);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                LOG.warnf("Article not accepted by the broker, will be sent again: articleId=%s reason=%s",
                        articleId, e.getCause() != null ? e.getCause().toString() : e.toString());
            }
        }
        articles.markSent(acknowledged, Instant.now().truncatedTo(ChronoUnit.MICROS));
        published.increment(acknowledged.size());
        if (!acknowledged.isEmpty()) {
            LOG.infof("Published %d article(s) to %s", acknowledged.size(), EventTopics.ARTICLES);
        }
        for (String articleId : acknowledged) {
            LOG.debugf("Article published: articleId=%s", articleId);
        }
        return new BatchResult(pending.size(), acknowledged.size());
    }

    /** Sends one row keyed and identified by its article id; completes when the broker acknowledges. */
    private CompletableFuture<String> send(ArticleRepository.Pending row) {
        CompletableFuture<String> ack = new CompletableFuture<>();
        Metadata metadata = Metadata.of(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(row.articleId()).build(),
                // the id lets consumers drop a repeat if a crash makes the relay send a row twice
                OutgoingCloudEventMetadata.builder().withId(row.articleId()).build());
        Message<String> message = Message.of(row.payload(), metadata)
                .withAck(() -> {
                    ack.complete(row.articleId());
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            // e.g. the emitter's buffer is full while the broker is away
            ack.completeExceptionally(e);
        }
        return ack;
    }
}
