/**
 * WebSub (W3C Recommendation, 2018): sources whose feed names a hub get their news pushed instead
 * of waiting for the next poll.
 *
 * <h2>Discovery and subscription</h2>
 * After each fetch that got a feed, the poller hands over the hubs and self URL the feed names —
 * HTTP {@code Link} headers first, then {@code atom:link rel="hub|self"} in Atom, RSS and RDF, or
 * JSON Feed's {@code hubs}. A new hub or topic becomes a {@code PENDING} row of
 * {@code websub_subscription} with a fresh random secret; nothing is subscribed unless
 * {@code alertwire.fetch.websub.public-base-url} says where hubs can call back. The
 * {@link io.alertwire.fetch.websub.WebSubRenewer} claims due rows the way the poller claims sources
 * (a short transaction pushing {@code next_attempt_at} forward, {@code SKIP LOCKED}), posts
 * {@code hub.mode=subscribe} with {@code hub.callback = <base>/websub/{sourceId}}, {@code hub.topic},
 * {@code hub.secret} and {@code hub.lease_seconds} outside any transaction, and records the answer.
 * The hub's address passes the same {@link io.alertwire.fetch.net.AddressPolicy} as a feed's.
 *
 * <h2>Verification, pushes, leases</h2>
 * The hub then calls {@code GET /websub/{sourceId}}: the challenge is echoed only when the topic is
 * the one that source asked for and the row is pending, active or lapsed, which makes it {@code ACTIVE} with
 * the lease the hub granted; anything else is a 404, so nobody can subscribe the service to what it
 * did not ask for. Pushed content ({@code POST}) must carry {@code X-Hub-Signature}, an HMAC of the
 * raw body with the secret (sha1, sha256, sha384 or sha512); without a valid one it is dropped but
 * answered 202, as the specification asks. Signed content goes through the same
 * {@link io.alertwire.fetch.feed.FeedParser} and the same article outbox as a poll, so duplicate
 * suppression and publishing are exactly those of polling. A lease is renewed
 * {@code renew-before} its end (at most half-way through); a request the hub fails or denies is
 * retried after {@code retry-after}; a lease that runs out marks the row {@code EXPIRED}.
 *
 * <h2>Polling stays the ground truth</h2>
 * While a subscription is active, a poll still happens, but only every
 * {@code poll-interval-while-subscribed} (6 h) as a safety net against a hub that misses an update.
 * When the hub fails, denies, or the lease lapses, the source is made due at once and polled at its
 * adaptive interval again. A push never changes a source's fetch state (validators, schedule).
 */
package io.alertwire.fetch.websub;
