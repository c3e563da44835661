package io.alertwire.classifier.article;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alertwire.classifier.Api;
import io.alertwire.classifier.story.StoryTestArticles;
import io.alertwire.events.ArticleEvent;
import io.alertwire.events.EventJson;
import io.alertwire.events.EventTopics;
import io.alertwire.events.MatchEvent;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A broker that refuses an article's matches must not cost the article: it is retried, neither
 * acknowledged nor dead-lettered, and its matches arrive once the broker accepts them. And it holds
 * up only its own partition: the articles topic is consumed by two consumers at once, one per
 * partition here, so a replica classifies on two cores.
 */
@QuarkusTest
@TestProfile(PublishRetryTest.RefusingTopic.class)
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class PublishRetryTest {

    /** Matches go to a topic of their own whose size limit refuses every record at first. */
    static final String REFUSING_TOPIC = "alertwire.matches.refusing";
    private static final Duration WAIT = Duration.ofSeconds(60);

    public static class RefusingTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.matches.topic", REFUSING_TOPIC,
                    "alertwire.classifier.articles.publish-timeout", "5s",
                    "alertwire.classifier.articles.retry-first-wait", "100ms",
                    "alertwire.classifier.articles.retry-longest-wait", "1s");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry registry;

    private double retries() {
        Counter counter = registry.find(ArticleConsumer.RETRIES_METRIC).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void retriesRefusedMatchesUntilTheBrokerTakesThemAndNeverDeadLettersTheArticle() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
                KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            refuseMatches(admin);
            String w = Api.uniqueWord();
            String topicId = Api.createTopic(w);
            ArticleEvent article = StoryTestArticles.article("Refused News", "About " + w, "Talks about " + w + ".", "en");
            double before = retries();
            try (ConsumerTask<String, String> matches = kafka.consumeStrings().withGroupId("test-" + UUID.randomUUID())
                    .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(REFUSING_TOPIC);
                    ConsumerTask<String, String> dlq = kafka.consumeStrings().withGroupId("test-" + UUID.randomUUID())
                            .withOffsetReset(OffsetResetStrategy.EARLIEST)
                            .fromTopics(EventTopics.deadLetter(EventTopics.ARTICLES))) {
                kafka.produceStrings().fromRecords(new ProducerRecord<>(EventTopics.ARTICLES, article.articleId(),
                        EventJson.write(article))).awaitCompletion(WAIT);

                await().atMost(WAIT).until(() -> retries() >= before + 2);
                acceptMatches(admin);

                await().atMost(WAIT).until(() -> matches.getRecords().stream().anyMatch(
                        r -> topicId.equals(EventJson.read(r.value(), MatchEvent.class).topicId())));
                MatchEvent match = matches.getRecords().stream().map(r -> EventJson.read(r.value(), MatchEvent.class))
                        .filter(m -> topicId.equals(m.topicId())).findFirst().orElseThrow();
                assertEquals(article.articleId(), match.articleId());
                assertTrue(dlq.getRecords().stream().noneMatch(r -> article.articleId().equals(r.key())),
                        "the article was not dead-lettered");
            }
        }
    }

    @Test
    void anArticleHeldUpOnOnePartitionDoesNotHoldUpTheOther() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
                KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            refuseMatches(admin);
            String w = Api.uniqueWord();
            Api.createTopic(w);
            ArticleEvent held = StoryTestArticles.article("Held News", "About " + w, "Talks about " + w + ".", "en");
            ArticleEvent free = StoryTestArticles.article("Free News", "Nothing to see " + Api.uniqueWord(),
                    "An article that matches no topic: " + Api.uniqueWord() + ".", "en");
            double before = retries();

            send(kafka, 0, held);
            assertEquals(2, admin.describeTopics(List.of(EventTopics.ARTICLES)).allTopicNames().get()
                    .get(EventTopics.ARTICLES).partitions().size(), "the test broker creates topics with two partitions");
            // the held article is being retried: its consumer is busy with it
            await().atMost(WAIT).until(() -> retries() >= before + 2);
            send(kafka, 1, free);

            // classified meanwhile: its story exists, while the held article is still retried
            await().atMost(WAIT).until(() -> Api.admin().get("/api/stories/" + free.articleId()).statusCode() == 200);
            double stillRetrying = retries();
            await().atMost(WAIT).until(() -> retries() > stillRetrying);
            assertTrue(Api.admin().get("/api/stories/" + held.articleId()).statusCode() == 200,
                    "the held article was classified and is retried only for publishing");

            // let the held article through, so that no later test's consumer finds it unacknowledged
            try (ConsumerTask<String, String> matches = kafka.consumeStrings().withGroupId("test-" + UUID.randomUUID())
                    .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(REFUSING_TOPIC)) {
                acceptMatches(admin);
                await().atMost(WAIT).until(() -> matches.getRecords().stream()
                        .anyMatch(r -> held.articleId().equals(EventJson.read(r.value(), MatchEvent.class).articleId())));
            }
        }
    }

    private static void send(KafkaCompanion kafka, int partition, ArticleEvent article) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(EventTopics.ARTICLES, partition, article.articleId(),
                EventJson.write(article))).awaitCompletion(WAIT);
    }

    /** Makes the match topic refuse every record (by its size limit), creating it the first time. */
    private static void refuseMatches(Admin admin) throws Exception {
        if (admin.listTopics().names().get().contains(REFUSING_TOPIC)) {
            setMaxMessageBytes(admin, "64");
        } else {
            admin.createTopics(List.of(new NewTopic(REFUSING_TOPIC, 1, (short) 1)
                    .configs(Map.of("max.message.bytes", "64")))).all().get();
        }
    }

    /** Lets the match topic take records again. */
    private static void acceptMatches(Admin admin) throws Exception {
        setMaxMessageBytes(admin, "1048588");
    }

    private static void setMaxMessageBytes(Admin admin, String bytes) throws Exception {
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, REFUSING_TOPIC),
                List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", bytes), AlterConfigOp.OpType.SET))))
                .all().get();
    }
}
