/**
 * Matching articles against every enabled topic at once.
 *
 * <h2>Monitor</h2>
 *
 * <p>Each topic's query is compiled once and registered in an in-memory Lucene
 * {@link org.apache.lucene.monitor.Monitor} under the topic's id. The Monitor's presearcher
 * ({@link org.apache.lucene.monitor.MultipassTermFilteredPresearcher}, two passes) picks the few
 * stored queries whose terms occur in the article and runs only those, so the cost per article
 * grows far slower than the number of topics. It indexes each topic by its rarest words
 * ({@link io.alertwire.classifier.matching.RareTermWeightor}: words few topics share; source and
 * language terms weighted down), so that an article is not a candidate for every topic that
 * shares a common news word with it. A phrase in the text is indexed by its adjacent word pairs
 * (the pairs field below): "maria garcia" by the one term {@code maria garcia}, not by "maria" and
 * "garcia", which many more articles hold apart; that cut the candidates per feed item by three
 * quarters at 10,000 topics and more. The query package refuses queries it could not pre-filter.
 * Queries, and the parts the Monitor splits them into, are registered already rewritten
 * ({@link io.alertwire.classifier.matching.PreparedQueries},
 * {@link io.alertwire.classifier.matching.PreparedPartsDecomposer}), so a candidate is not rebuilt
 * for every article it runs on.
 *
 * <h2>Analysis per language</h2>
 *
 * <p>An article becomes one Lucene document ({@link io.alertwire.classifier.matching.ArticleDocument})
 * analysed with exactly one {@link io.alertwire.classifier.matching.Analysis}, chosen by its
 * language, or by the script of its letters when the language is unknown:
 * <ul>
 *   <li>{@code en}: {@link io.alertwire.classifier.matching.EnglishTextAnalyzer} — lower case,
 *       ASCII folding, possessives, minimal plural stemming;</li>
 *   <li>{@code ko}: {@link io.alertwire.classifier.matching.KoreanTextAnalyzer} — Nori morphology,
 *       particles and endings dropped, Hanja read as Hangul;</li>
 *   <li>anything else: {@link io.alertwire.classifier.matching.FoldingTextAnalyzer} — ICU folding,
 *       CJK bigrams.</li>
 * </ul>
 * Its fields are {@code text_<a>} (title + summary + content), {@code title_<a>},
 * {@code text_<a>_prefix} (2- and 3-character heads of every token, for pre-filtering prefixes),
 * {@code text_<a>_pairs} (every two adjacent tokens as one term, {@link io.alertwire.classifier.matching.PairsAnalyzer},
 * for pre-filtering phrases),
 * {@code source} (URL host, its parent domains, the source name and its words) and {@code lang}.
 * One {@link org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper}
 * ({@link io.alertwire.classifier.matching.ArticleFields#analyzer()}) analyses all of them, for the
 * Monitor, for scoring and for the query compiler, so both sides always agree on word forms. A query
 * word is searched in the fields of every analysis; only those of the article's own exist. The text
 * is analysed once per article ({@link io.alertwire.classifier.matching.AnalysedText}) and its tokens
 * replayed for the text, prefix and pairs fields: analysis, Korean above all,
 * is most of the cost of matching an article.
 *
 * <h2>Scores and highlights</h2>
 *
 * <p>Candidates run in one pass on the Monitor's one-document index
 * ({@link io.alertwire.classifier.matching.ScoredHighlightsMatcher}): first whether the candidate
 * matches at all, and only for a match the score and where it matched (the offsets of Lucene's
 * {@link org.apache.lucene.monitor.HighlightsMatch}, from which
 * {@link io.alertwire.classifier.matching.Highlights} cuts the matched words out of the original
 * text of the text and title fields). The score of a match is the query's BM25 score on the article, squashed into
 * 0..1 by {@code s / (s + k)} so that more and rarer matched words score higher but no score
 * reaches 1; filters ({@code source:}, {@code lang:}), prefix heads and word pairs do not score.
 *
 * <p>One broken stored query never stops the others: compiling and registering are done per topic,
 * and errors while matching or scoring one topic are logged and that topic skipped.
 */
package io.alertwire.classifier.matching;
