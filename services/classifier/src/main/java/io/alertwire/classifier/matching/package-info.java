/**
 * Matching articles against every enabled topic at once.
 *
 * <p>Each topic's query is compiled once and registered in an in-memory Lucene
 * {@link org.apache.lucene.monitor.Monitor} under the topic's id. An article becomes one Lucene
 * document (fields {@code title} and {@code text} = title + summary + content, both analysed by
 * {@link io.alertwire.classifier.matching.ArticleAnalyzer}); the Monitor's presearcher
 * ({@link org.apache.lucene.monitor.MultipassTermFilteredPresearcher}) picks the few stored queries
 * whose terms occur in the article and runs only those, so the cost per article grows far slower
 * than the number of topics.
 *
 * <p>The Monitor tells which topics matched and where ({@link org.apache.lucene.monitor.HighlightsMatch}
 * offsets, from which the matched words are cut out of the original text). The score of a match is
 * the query's BM25 score on the one-document index, squashed into 0..1 by {@code s / (s + k)} so
 * that more and rarer matched words score higher but no score reaches 1.
 *
 * <p>One broken stored query never stops the others: compiling and registering are done per topic,
 * and the Monitor reports per-query errors during a match, which are logged and skipped.
 */
package io.alertwire.classifier.matching;
