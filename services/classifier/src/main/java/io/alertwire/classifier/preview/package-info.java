/**
 * Topic previews: what a query would have matched among the recent articles, before it is saved.
 *
 * <p><b>Same as live.</b> The preview must not be an approximation of live matching, or a user tunes
 * a query on one behaviour and gets another. So the query goes through the topics' compiler (same
 * syntax errors and positions), the index holds the very fields matching builds for an article
 * ({@link io.alertwire.classifier.matching.IndexedArticle}, same analysers), and the index only picks
 * candidates: each one, newest first, is matched again by a {@code TopicMatcher} that holds just the
 * previewed query, which scores it on its own one-document index as live matching does. Scores and
 * highlights are therefore those a topic's match would carry, whatever the index's statistics.
 *
 * <p><b>Every replica sees every article.</b> The article consumer of a replica gets only its share
 * of the partitions; the preview consumer instead reads the whole topic in a consumer group of its
 * own per start, from the earliest offset, committing nothing. The index is therefore rebuilt at each
 * start (in a fresh folder under {@code alertwire.classifier.preview.data-dir}, removed at shutdown;
 * unlocked folders left by killed processes are removed at the next start),
 * and needs nothing shared: Kafka's retention is its source of truth.
 *
 * <p><b>Bounded.</b> Articles fetched before the window (7 days) are neither indexed nor kept; beyond
 * {@code max-articles} the oldest are dropped; both checked every minute, when the index is also
 * committed.
 */
package io.alertwire.classifier.preview;
