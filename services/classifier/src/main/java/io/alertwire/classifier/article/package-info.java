/**
 * The Kafka side of the classifier: articles in, matches out.
 *
 * <p>The classifier is a pure function of the article and the topics, so it needs no outbox: the
 * consumer publishes every match of an article and waits for the broker to acknowledge all of
 * them before it returns, and only then is the article's offset committed. A crash in between
 * re-classifies the article and re-publishes the same matches under the same {@code matchId}
 * (SHA-256 of {@code articleId:topicId}), which the notifier de-duplicates.
 *
 * <p>Two consumers per replica ({@code mp.messaging.incoming.articles.concurrency=2}) share the
 * replica's partitions, each with its own ordered worker: matching is CPU work and a replica has
 * two cores. A partition belongs to one consumer at a time, so the articles of a partition (of a
 * key) are still classified and their matches published in order, and an article retried on one
 * partition holds up only that partition.
 *
 * <p>A record that is not a valid {@link io.alertwire.events.ArticleEvent} makes the consumer throw,
 * so SmallRye sends it to {@code alertwire.articles.v1.dlq} with the reason in the
 * {@code dead-letter-reason} header and the partition moves on.
 */
package io.alertwire.classifier.article;
