/**
 * Articles: what the service has seen, and the outbox that publishes them.
 *
 * <h2>One table, two jobs</h2>
 * The {@code article} table is keyed by {@code article_id}, the SHA-256 of the article's
 * {@link io.alertwire.fetch.article.CanonicalUrl canonical URL}. After a fetch, the poller inserts
 * the feed's entries with {@code INSERT ... ON CONFLICT DO NOTHING} in the same transaction that
 * records the source's success (and its new ETag). So:
 * <ul>
 * <li>an article already seen, from this source or any other, inserts nothing and is never
 * published again: duplicate suppression across sources is the primary key;</li>
 * <li>source state and new articles commit together: a crash before the commit refetches the same
 * items (the ETag was not saved either), a crash after it loses nothing.</li>
 * </ul>
 *
 * <h2>The relay</h2>
 * Inserted rows have {@code sent_at} null: they are the outbox. {@link
 * io.alertwire.fetch.article.OutboxRelay} runs every {@code alertwire.fetch.relay-tick} and right
 * after a poll that found something. In one transaction it locks a batch of unsent rows with
 * {@code FOR UPDATE SKIP LOCKED} (so replicas and concurrent runs take disjoint batches), sends each
 * payload to {@code alertwire.articles.v1} with record key and CloudEvent id = the article id,
 * waits for the broker's acknowledgements, stamps {@code sent_at} on the acknowledged rows and
 * commits. A row that was not acknowledged stays unsent and goes out on a later run.
 *
 * <p>The guarantee is at least once: a crash after the broker acknowledged but before the commit
 * sends the row again, with the same key and CloudEvent id, so consumers can recognise the repeat.
 * Nothing is ever lost between the database and Kafka.
 */
package io.alertwire.fetch.article;
