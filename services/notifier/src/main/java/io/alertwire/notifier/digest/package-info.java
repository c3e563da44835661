/**
 * Digests: the alerts of an {@code hourly} or {@code daily} subscription, gathered into one mail or
 * one webhook call at the subscriber's local digest time.
 *
 * <p>A match still makes one {@code delivery} row per (subscription, story), so the unique key
 * keeps its promise "never two for one story" (a repeated match, or the story's other topics, only
 * add to the pending row). The row of a digest subscription gets {@code digest_at}, the next
 * digest time ({@link io.alertwire.notifier.digest.DigestSchedule}: the subscriber's time zone,
 * daylight-saving gaps and overlaps included), and waits for it in {@code next_attempt_at}; the
 * instant worker leaves rows with a {@code digest_at} alone.
 *
 * <p>The {@link io.alertwire.notifier.digest.DigestJob} sends them as the instant worker sends
 * alerts, in three steps:
 * <ol>
 * <li><b>claim</b> (one transaction): all due digest rows of a subscription are leased (their
 * {@code next_attempt_at} pushed forward) and stamped with a {@code digest_id}: rows already
 * carrying one keep it, the others get a fresh one. One digest id, one set of rows, one message.
 * <li><b>send</b> (no transaction): one mail grouped by topic, or one webhook
 * ({@code digest.created}, {@code stories} array) whose {@code webhook-id} is the digest id.
 * <li><b>record</b> (one transaction): an attempt for every row, and every row sent, or every
 * row retried at the same time, so that they are claimed again together as the same digest.
 * </ol>
 *
 * <p>Crashes: before the claim commits, nothing happened. After the claim, before or during the
 * send, the lease runs out and the same rows are claimed again with the same digest id. After the
 * send, before the record commits, the same happens and the digest is sent a second time, the
 * same stories under the same {@code webhook-id}, which a webhook receiver drops; a mail
 * recipient gets it twice (as with instant alerts: at least once, never none). A row never joins
 * a digest that has already been claimed (a late match gets its own, later digest, and the match
 * statement adds no topic to a claimed row), so no digest id ever names two different messages.
 * An admin's retry of a digest delivery sends it in a new digest of its own.
 *
 * <p>Time comes from {@link io.alertwire.notifier.digest.DigestClock}, so that a test can move it
 * to the digest time instead of waiting for it. Changing a subscription's mode or digest time
 * leaves the rows that already wait for a digest at their time.
 */
package io.alertwire.notifier.digest;
