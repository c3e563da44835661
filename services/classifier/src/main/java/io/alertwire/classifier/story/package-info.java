/**
 * Stories: the copies of one report that news agencies, syndication and updates spread across
 * sources share one {@code storyId}, so that subscribers get one alert per story.
 *
 * <p><b>Similarity.</b> An article's normalised headline and text (NFKC, lower case, punctuation
 * dropped) become a set of shingles ({@link io.alertwire.classifier.story.Shingles}): word 3-grams
 * for scripts written with spaces, character 4-grams for Hangul (Korean glues particles to words,
 * so rewrites change whole words), character 3-grams for Han, Kana, Thai and other scripts without
 * spaces. A 128-value MinHash signature ({@link io.alertwire.classifier.story.MinHash}) estimates the
 * Jaccard similarity of two sets, and with the set sizes also the <em>overlap</em>: the share of the
 * smaller set found in the larger. Two articles are one story when the Jaccard estimate reaches
 * {@code min-jaccard} (0.4) or the overlap reaches {@code min-overlap} (0.7, when the smaller has at
 * least 8 shingles): overlap catches a trimmed copy or an update, whose Jaccard similarity falls
 * with the length of what was cut or added, and a wire copy wrapped in the agency's dateline and
 * copyright lines.
 *
 * <p><b>Candidates.</b> Comparing with every recent article would not scale, so the signature is
 * cut into 64 LSH bands of 2 values; only articles with an equal band (a band key: the band's
 * number and values hashed) are compared. Two articles of Jaccard similarity 0.3 share a band with
 * probability 0.998, two of 0.02 with 0.03. Only articles fetched within {@code window} (5 days,
 * either way) of each other are compared: a report that comes back a month later is news again.
 *
 * <p><b>Shared state and concurrency.</b> Everything lives in PostgreSQL ({@code story_article}:
 * one row per article with its story and signature; {@code story_band}: its band keys), so stories
 * survive restarts and every replica sees the same ones. Two replicas may classify two copies of
 * one report at the same moment (different partitions). Before looking for candidates, an article's
 * transaction takes a transaction-scoped advisory lock on each of its band keys, in ascending order
 * (so no two transactions wait on each other in a cycle). Copies that could be each other's
 * candidates share a band key, so the later one waits for the earlier one to commit and then finds
 * it: no story is split by a race. The choice among candidates is deterministic: the most similar,
 * and among equals the one that arrived first; the story id is the articleId of the story's first
 * article. The article id is the primary key, so a redelivered article finds its row and gets the
 * same story, and the same count of earlier articles, as the first time.
 *
 * <p><b>In matches.</b> {@code duplicates} is the number of articles that joined the story before
 * this one, {@code alsoReportedBy} the first 20 of them. Articles with fewer than 3 shingles (a few
 * words of headline) and empty articles are each a story of their own.
 *
 * <p><b>Retention.</b> {@link io.alertwire.classifier.story.StoryPurge} drops band keys older than
 * twice the window and articles recorded longer ago than {@code retention} (30 days).
 *
 * <p><b>Measured</b> on copies built from the shared development corpus (see the classifier's
 * README, "Stories"): {@code StoryQualityTest} fails when the split or merge rate passes its bound.
 */
package io.alertwire.classifier.story;
