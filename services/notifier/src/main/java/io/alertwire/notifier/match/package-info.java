/**
 * Matches in: the consumer of {@code alertwire.matches.v1} that turns each match into deliveries.
 *
 * <p>A subscription wants a match when it is active, one of its topic slugs equals the slug of
 * the match's topic id or name, the score reaches its floor, and its languages (if any) include
 * the article's (an article of unknown language passes). The database statement that selects
 * those subscriptions also writes the deliveries, so a repeated match is absorbed by the unique
 * key of {@code delivery} (see {@link io.alertwire.notifier.delivery}). For the digest
 * subscriptions among them, the consumer first works out each one's next digest time (in the
 * subscriber's zone, by {@link io.alertwire.notifier.digest.DigestSchedule}), which the statement
 * stores on their rows.
 */
package io.alertwire.notifier.match;
