package io.alertwire.classifier.article;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alertwire.classifier.Api;
import io.alertwire.events.ArticleEvent;
import io.alertwire.events.EventJson;
import io.alertwire.events.EventTopics;
import io.alertwire.events.MatchEvent;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class ArticleFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;
    private ConsumerTask<String, String> matches;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
        matches = kafka.consumeStrings().withGroupId("test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(EventTopics.MATCHES);
    }

    @AfterEach
    void close() {
        matches.close();
        kafka.close();
    }

    private static ArticleEvent article(String title, String content) {
        String id = sha256(UUID.randomUUID().toString());
        return new ArticleEvent(id, "https://news.example/" + id, "https://news.example/" + id, "1", "Example News",
                title, "", content, "en", Instant.parse("2026-11-28T09:00:00Z"), Instant.now(), List.of(), List.of());
    }

    /** Sends on partition 0, so records sent one after the other are consumed in that order. */
    private void send(String key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(EventTopics.ARTICLES, 0, key, value))
                .awaitCompletion(WAIT);
    }

    private Optional<ConsumerRecord<String, String>> matchOf(String articleId) {
        return matches.getRecords().stream().filter(r -> articleId.equals(r.key())).findFirst();
    }

    /** The match of one article and one topic (the shipped topic pack may match the article too). */
    private Optional<ConsumerRecord<String, String>> matchOf(String articleId, String topicId) {
        return matches.getRecords().stream().filter(r -> articleId.equals(r.key()))
                .filter(r -> topicId.equals(EventJson.read(r.value(), MatchEvent.class).topicId())).findFirst();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void publishesMatchOfTopicCreatedThroughApi() {
        String w = Api.uniqueWord();
        String topicId = Api.createTopic(w + " talks");
        ArticleEvent article = article("Seoul proposes talks",
                "The government proposed talks on " + w + " to Pyongyang on Monday. " + "Filler text. ".repeat(40));
        send(article.articleId(), EventJson.write(article));

        await().atMost(WAIT).until(() -> matchOf(article.articleId(), topicId).isPresent());
        ConsumerRecord<String, String> record = matchOf(article.articleId(), topicId).orElseThrow();
        MatchEvent match = EventJson.read(record.value(), MatchEvent.class);
        assertEquals(article.articleId(), record.key(), "key is the storyId");
        assertEquals(EventTopics.MATCH_TYPE, header(record, "ce_type"));
        assertEquals(EventTopics.CLASSIFIER_SOURCE, header(record, "ce_source"));
        assertEquals(sha256(article.articleId() + ":" + topicId), match.matchId());
        assertEquals(match.matchId(), header(record, "ce_id"));
        assertEquals(article.fetchedAt().toString(), header(record, EventTopics.FETCHED_AT_HEADER));
        assertEquals(topicId, match.topicId());
        assertEquals(article.articleId(), match.storyId());
        assertTrue(match.highlights().contains(w), match.highlights().toString());
        assertTrue(match.score() > 0 && match.score() < 1);
        assertTrue(match.snippet().contains(w) && match.snippet().length() < 300, match.snippet());
        assertEquals(article.url(), match.url());
        assertEquals(0, match.duplicates());
    }

    @Test
    void continuesTraceOfArticleInItsMatches() {
        // W3C trace context: version-traceid-parentid-flags (sampled); %test runs with tracing on
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        String w = Api.uniqueWord();
        String topicId = Api.createTopic(w);
        ArticleEvent article = article("Traced", "An article about " + w + ".");
        ProducerRecord<String, String> record = new ProducerRecord<>(EventTopics.ARTICLES, 0, article.articleId(),
                EventJson.write(article));
        record.headers().add(new RecordHeader("traceparent", traceparent.getBytes(StandardCharsets.UTF_8)));
        kafka.produceStrings().fromRecords(record).awaitCompletion(WAIT);

        await().atMost(WAIT).until(() -> matchOf(article.articleId(), topicId).isPresent());
        String published = header(matchOf(article.articleId(), topicId).orElseThrow(), "traceparent");
        assertNotNull(published, "match carries a traceparent header");
        Matcher parts = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01").matcher(published);
        assertTrue(parts.matches(), published);
        assertEquals(traceId, parts.group(1), "same trace as the article");
        assertNotEquals("00f067aa0ba902b7", parts.group(2), "a span of the classifier is the parent");
    }

    @Test
    void publishesNothingForArticleThatMatchesNoTopic() {
        String w = Api.uniqueWord();
        String topicId = Api.createTopic(w);
        ArticleEvent unrelated = article("Local weather", "Sunny with light winds.");
        ArticleEvent related = article("Marker", w);
        send(unrelated.articleId(), EventJson.write(unrelated));
        send(related.articleId(), EventJson.write(related));

        // same partition, consumed in order: once the second has matched, the first was classified
        await().atMost(WAIT).until(() -> matchOf(related.articleId(), topicId).isPresent());
        assertTrue(matchOf(unrelated.articleId()).isEmpty());
    }

    @Test
    void deadLettersGarbageAndKeepsClassifying() {
        String w = Api.uniqueWord();
        Api.createTopic(w);
        String garbageKey = "garbage-" + UUID.randomUUID();
        ArticleEvent valid = article(w, "after the garbage");
        ArticleEvent invalid = new ArticleEvent("not-a-sha", valid.url(), valid.canonicalUrl(), "1", null, w, null,
                null, null, null, Instant.now(), null, null);
        String invalidKey = "invalid-" + UUID.randomUUID();

        try (ConsumerTask<String, String> dlq = kafka.consumeStrings().withGroupId("test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(EventTopics.deadLetter(EventTopics.ARTICLES))) {
            send(garbageKey, "not json");
            send(invalidKey, EventJson.write(invalid));
            send(valid.articleId(), EventJson.write(valid));

            await().atMost(WAIT).until(() -> matchOf(valid.articleId()).isPresent());
            await().atMost(WAIT).until(() -> dlq.getRecords().stream().filter(r -> garbageKey.equals(r.key())
                    || invalidKey.equals(r.key())).count() == 2);
            ConsumerRecord<String, String> garbage = dlq.getRecords().stream()
                    .filter(r -> garbageKey.equals(r.key())).findFirst().orElseThrow();
            assertEquals("not json", garbage.value());
            assertNotNull(header(garbage, "dead-letter-reason"));
            ConsumerRecord<String, String> bad = dlq.getRecords().stream()
                    .filter(r -> invalidKey.equals(r.key())).findFirst().orElseThrow();
            assertTrue(header(bad, "dead-letter-reason").contains("articleId"), header(bad, "dead-letter-reason"));
        }
    }

    @Test
    void putsWireCopyIntoStoryOfOriginalWithDuplicatesAndAlsoReportedBy() {
        String w = Api.uniqueWord();
        String topicId = Api.createTopic(w);
        String text = "Seoul proposed on Monday to hold talks about " + w + " with Pyongyang at the border village, "
                + "the unification ministry said, adding that it hoped for an answer within the week. "
                + Api.uniqueWord() + " " + Api.uniqueWord() + " " + Api.uniqueWord();
        ArticleEvent original = article("Seoul proposes talks", text);
        ArticleEvent copy = article("South Korea offers talks to North",
                "SEOUL, Nov. 28 (Wire) - " + text + " Copyright Wire. All rights reserved.");
        send(original.articleId(), EventJson.write(original));
        await().atMost(WAIT).until(() -> matchOf(original.articleId(), topicId).isPresent());
        send(copy.articleId(), EventJson.write(copy));
        // the copy's record is keyed by the story, not by the copy's own id
        await().atMost(WAIT).until(() -> copyMatch(copy.articleId(), topicId).isPresent());

        ConsumerRecord<String, String> record = copyMatch(copy.articleId(), topicId).orElseThrow();
        MatchEvent match = EventJson.read(record.value(), MatchEvent.class);
        assertEquals(original.articleId(), match.storyId(), "the copy joins the story of the original");
        assertEquals(original.articleId(), record.key(), "the record key is the storyId");
        assertEquals(1, match.duplicates());
        assertEquals(List.of(new MatchEvent.AlsoReportedBy(original.url(), original.sourceName(), original.title())),
                match.alsoReportedBy());
        Api.admin().get("/api/stories/" + match.storyId()).then().statusCode(200)
                .body("articles.articleId", org.hamcrest.Matchers.contains(original.articleId(), copy.articleId()));
    }

    private Optional<ConsumerRecord<String, String>> copyMatch(String articleId, String topicId) {
        return matches.getRecords().stream().filter(r -> {
            MatchEvent match = EventJson.read(r.value(), MatchEvent.class);
            return articleId.equals(match.articleId()) && topicId.equals(match.topicId());
        }).findFirst();
    }

    @Test
    void classifiesHugeArticleOnItsFirst64KiB() {
        String early = Api.uniqueWord();
        String late = Api.uniqueWord();
        String earlyTopic = Api.createTopic(early);
        String lateTopic = Api.createTopic(late);
        String filler = "Nothing to see here. ".repeat(5000);
        ArticleEvent huge = article("Long read", early + " " + filler + late);
        String json = EventJson.write(huge);
        assertTrue(huge.content().length() > ArticleEvent.MAX_CONTENT_CHARS);
        String markerWord = Api.uniqueWord();
        String markerTopic = Api.createTopic(markerWord);
        ArticleEvent marker = article("Marker", markerWord);

        send(huge.articleId(), json);
        send(marker.articleId(), EventJson.write(marker));

        await().atMost(WAIT).until(() -> matchOf(marker.articleId(), markerTopic).isPresent());
        assertTrue(matchOf(huge.articleId(), earlyTopic).isPresent(), "classified, not dead-lettered");
        assertTrue(matchOf(huge.articleId(), lateTopic).isEmpty(), "words after 64 KiB are not analysed");
    }

    @Test
    void classifiesArticleWhoseLanguageTagIsUnusableAsOfUnknownLanguage() {
        String w = Api.uniqueWord();
        String topicId = Api.createTopic(w);
        ArticleEvent tagged = article("Region tag", "About " + w + " today.");
        ArticleEvent klingon = article("Made-up tag", "Also about " + w + ".");
        send(tagged.articleId(), EventJson.write(tagged).replace("\"language\":\"en\"", "\"language\":\"en-GB\""));
        send(klingon.articleId(), EventJson.write(klingon).replace("\"language\":\"en\"", "\"language\":\"tlh-Latn\""));

        await().atMost(WAIT).until(() -> matchOf(tagged.articleId(), topicId).isPresent()
                && matchOf(klingon.articleId(), topicId).isPresent());
        assertEquals("en", EventJson.read(matchOf(tagged.articleId(), topicId).orElseThrow().value(),
                MatchEvent.class).language());
        assertEquals(null, EventJson.read(matchOf(klingon.articleId(), topicId).orElseThrow().value(),
                MatchEvent.class).language());
    }

    @Test
    void acknowledgesEmptyArticleWithoutMatchOrDeadLetter() {
        String w = Api.uniqueWord();
        String topicId = Api.createTopic(w);
        ArticleEvent empty = article("", "");
        ArticleEvent marker = article("Marker", w);
        try (ConsumerTask<String, String> dlq = kafka.consumeStrings().withGroupId("test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(EventTopics.deadLetter(EventTopics.ARTICLES))) {
            send(empty.articleId(), EventJson.write(empty));
            send(marker.articleId(), EventJson.write(marker));

            await().atMost(WAIT).until(() -> matchOf(marker.articleId(), topicId).isPresent());
            assertTrue(matchOf(empty.articleId()).isEmpty());
            assertTrue(dlq.getRecords().stream().noneMatch(r -> empty.articleId().equals(r.key())));
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
