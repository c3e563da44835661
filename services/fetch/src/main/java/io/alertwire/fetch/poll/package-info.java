/**
 * Polling: which replica fetches which source, and when.
 *
 * <h2>Leases in the database</h2>
 * A source's {@code next_fetch_at} is both its schedule and its lease. Every
 * {@code alertwire.fetch.tick} the {@link io.alertwire.fetch.poll.Poller} runs, in a short
 * transaction of its own:
 * <pre>
 * UPDATE source SET next_fetch_at = now() + lease
 * WHERE id IN (SELECT id FROM source WHERE enabled AND next_fetch_at &lt;= now()
 *              ORDER BY next_fetch_at LIMIT n FOR UPDATE SKIP LOCKED)
 * </pre>
 * and commits. {@code SKIP LOCKED} lets several replicas claim at the same moment without waiting
 * for or double-claiming each other's rows; after the commit the claimed sources are no longer due,
 * so no other replica takes them while they are fetched. The fetch runs outside any transaction (it
 * can take up to the request timeout), then the outcome is recorded in a second transaction that
 * sets the real next fetch time. If the replica dies in between, the lease (default 2 minutes,
 * longer than any fetch) simply expires and another replica fetches the source.
 *
 * <h2>Workers and hosts</h2>
 * A tick (four a second) claims no more sources than the workers ({@code alertwire.fetch.concurrency},
 * 32; a fetch mostly waits for the network) and a short queue of half as many again can take, hands
 * each to a worker and returns without waiting, so a slow fetch holds one worker, never the next
 * tick; a queued source waits only for the fetches ahead of it, well within its lease. While the
 * last claim found as many due sources as it asked for (a backlog), a worker that frees up claims
 * again as soon as a quarter of the workers' worth is free, while the queue still feeds the others:
 * so a backlog drains at the workers' pace, not one claim per tick, and no worker idles during a
 * claim. Workers that free up while a claim is running leave the claiming to it, and the claimer
 * looks again after its claim, so no idle worker waits for the next tick while sources are due.
 * At most {@code alertwire.fetch.per-host-concurrency} (2) fetches run against one host (host name
 * and port) at a time: a claimed source whose host is at its limit, or within the
 * {@code Crawl-delay} its robots.txt asks for, is handed back unfetched, due one tick later, behind
 * the sources already due, so a busy host's backlog neither piles onto the host nor crowds out other
 * hosts, and waiting for a turn is never counted as a failure. Handing back rather than waiting in
 * the worker keeps every worker free for hosts that can be fetched now; the cost is a claim and an
 * update per postponed source per tick. Before each fetch the host's robots.txt is consulted (see
 * {@link io.alertwire.fetch.robots}); a disallowed or deferred source fails with the reason.
 *
 * <h2>Outcomes</h2>
 * <ul>
 * <li>a feed (2xx): its new entries go to the article outbox with the source's status, kind and
 * validators (ETag, Last-Modified), all in one transaction; failures reset; the interval adapts to
 * what the fetch found ({@link io.alertwire.fetch.poll.AdaptiveInterval}: sooner when it brought
 * new articles, later when it brought none, between a minimum and a maximum) and next = now +
 * interval ± jitter (10%), so that sources added together drift apart;</li>
 * <li>304 Not Modified: a success with nothing new;</li>
 * <li>a fetch that brought nothing new (a 304, or a feed whose entries are all known) is by far the
 * most common outcome (most feeds change a few times a day and are polled far more often), so it is
 * the cheapest: such fetches are recorded in batches by group commit
 * ({@link io.alertwire.fetch.poll.QuietFetchBatches}): the worker that finds no batch being written
 * writes every outcome queued so far in one transaction of three statements (read and lock the
 * sources' schedules, look up their WebSub subscriptions, one {@code UPDATE ... FROM unnest(...)}),
 * so an idle service records each at once and a busy one dozens per transaction; a failed batch is
 * recorded again source by source. A fetch through a permanent redirect, which may change the
 * source's URL, is recorded on its own;</li>
 * <li>while a WebSub hub pushes the source's news, the next poll is at least
 * {@code alertwire.fetch.websub.poll-interval-while-subscribed} away (see
 * {@link io.alertwire.fetch.websub});</li>
 * <li>after either, the next fetch may be later than the interval when the server or the feed asks
 * for it ({@code Cache-Control: max-age}, {@code Expires}, RSS {@code <ttl>}), at most 24 hours
 * away; permanent redirects (301, 308, while every hop was permanent) update the stored URL;</li>
 * <li>429 and 503 with {@code Retry-After} (seconds or a date): the next fetch is then, if that is
 * later than the back-off below, at most 24 hours away;</li>
 * <li>anything else (HTTP error, timeout, refused address, oversized body, HTML, hostile XML): the
 * readable reason is stored in {@code last_error}, {@code consecutive_failures} grows and the next
 * fetch backs off to (current) interval × 2^failures, at most 24 hours.</li>
 * </ul>
 * Each source is fetched, parsed and recorded on its own, with every error caught at its boundary,
 * so one broken or hostile feed never affects another.
 */
package io.alertwire.fetch.poll;
