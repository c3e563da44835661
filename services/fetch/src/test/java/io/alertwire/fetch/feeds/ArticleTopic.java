package io.alertwire.fetch.feeds;

import io.alertwire.events.EventTopics;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads {@code alertwire.articles.v1} from the beginning for the whole test class; tests pick out
 * their own records by key, since other tests publish to the same topic.
 */
public final class ArticleTopic implements AutoCloseable {

    private final KafkaCompanion companion;
    private final ConsumerTask<String, String> records;

    public ArticleTopic() {
        companion = new KafkaCompanion(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        records = companion.consumeStrings()
                .withGroupId("fetch-tests-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .withProp("metadata.max.age.ms", "1000")
                .fromTopics(EventTopics.ARTICLES);
    }

    /** Every record received so far with this key. */
    public List<ConsumerRecord<String, String>> withKey(String key) {
        return records.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        records.close();
        companion.close();
    }
}
