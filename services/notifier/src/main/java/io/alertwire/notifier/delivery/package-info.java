/**
 * Deliveries: one alert per (subscription, story), and the work queue that sends them.
 *
 * <p>The {@code delivery} table is both the memory of what was promised and the queue. A match
 * creates a row inside the transaction that consumes it, guarded by the unique key
 * (subscription_id, story_id): a repeated or duplicate match, or a second topic of the same story,
 * finds the row already there and at most adds its topic while the row is still pending. So the
 * user never gets two alerts for one story, and one alert names every topic the story matched.
 * New rows wait a short gather window before they are due, so that the matches of one article's
 * several topics, which arrive within milliseconds of each other, land in the same alert. The rows
 * of an {@code hourly} or {@code daily} subscription wait for its digest time instead and are sent
 * by the digest job, several to a message (see {@link io.alertwire.notifier.digest}); the worker
 * below leaves them alone.
 *
 * <p>The {@link io.alertwire.notifier.delivery.DeliveryWorker} claims due rows with
 * {@code FOR UPDATE SKIP LOCKED} and leases them by pushing {@code next_attempt_at} forward, so
 * several replicas share the queue without sending one row twice. It claims a batch at a time,
 * sends it outside any transaction (a slow receiver must not hold locks), several alerts at once,
 * then records the batch in one transaction (the sent ones in one statement; sends still running
 * after 2 s are recorded when they finish, so that one slow receiver never keeps the others
 * unrecorded until their lease ends and another replica sends them again); it sleeps until the
 * next row falls due, and a match that created rows wakes it, so an alert waits for its gather
 * window and not for a polling tick. For each attempt it either marks
 * the row {@code sent} or schedules the retry with the Standard Webhooks back-off (5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h, each with ±20% jitter), after which it is {@code failed}. All of
 * this lives in the database, so a restart resumes where it stopped: a crash after a send but
 * before its record re-sends once the lease runs out, with the same {@code webhook-id} (the
 * delivery's id) that receivers use to drop the repeat, and a mail with the same
 * {@code Message-ID}; "Delivery … sent" is logged only once the record is committed. Where a
 * crash can and cannot cause such a re-send is tested by halting the packaged service (see
 * {@link io.alertwire.notifier.fault}).
 *
 * <p>A receiver may steer the schedule: a 429 or 503 with {@code Retry-After} (seconds or an
 * HTTP date) moves the next attempt to the time it names, never further out than the schedule's
 * longest wait; a 410 Gone fails the delivery at once and disables its subscription (status
 * {@code disabled} with the reason), so that the worker skips the rest of its deliveries until an
 * admin resumes it. An admin may make any delivery due now ({@code POST /api/deliveries/{id}/retry},
 * {@link io.alertwire.notifier.delivery.DeliveryRetry}): a sent one is sent again with the same
 * {@code webhook-id}, a failed one gets a fresh schedule.
 *
 * <p>An endpoint that fails every attempt for days (a webhook URL, or an address the SMTP server
 * refuses) is disabled as a 410 is, and its owner told by mail: each attempt sets or clears the
 * subscription's {@code failing_since}, and a failure recorded when the streak has lasted
 * {@code disable-after} (5 days) disables the subscription and fails its pending deliveries with
 * the reason instead of retrying them.
 *
 * <p>Rate limits: a claimed instant alert is counted against its target (webhook URL or email
 * address) in the current clock-aligned window (a row per target and window in
 * {@code release_count}, locked and raised once per batch by
 * {@link io.alertwire.notifier.delivery.ReleaseCounts}; the delivery keeps {@code released_at}
 * for the log); beyond the limit it is not sent but given the window's end as its digest time, so
 * the digest job sends the held-back alerts as one catch-up digest then. The row stays the one row of its (subscription, story), so nothing
 * is dropped or sent twice.
 */
package io.alertwire.notifier.delivery;
