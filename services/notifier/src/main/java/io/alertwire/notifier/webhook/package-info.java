/**
 * Webhooks: alerts POSTed as JSON to a subscriber's URL, per the Standard Webhooks specification.
 *
 * <p>Every call carries {@code webhook-id} (the delivery id, the same on every retry, so that a
 * receiver drops repeats), {@code webhook-timestamp} (unix seconds of this attempt) and
 * {@code webhook-signature} ({@code v1,} and the base64 HMAC-SHA256 of
 * {@code <id>.<timestamp>.<body>}, keyed with the subscription's {@code whsec_} secret; see
 * {@link io.alertwire.notifier.webhook.WebhookSigner}). Only a 2xx answer counts; redirects are
 * not followed; a call gets 15 s, its answer included. An answer is read to its end if that comes
 * within 64 KiB, so that the connection can be reused, and cut off otherwise, so an endless or huge
 * body costs nothing; of an error answer 200 characters are kept in the attempt's error.
 *
 * <p>A webhook URL is chosen by whoever creates the subscription, so the notifier would call
 * whatever it names: {@link io.alertwire.notifier.webhook.WebhookAddressPolicy} refuses hosts that
 * resolve into internal networks (SSRF), at creation and again before each send. Before a send the
 * host is resolved exactly once and the connection goes to the address that was checked (the
 * {@code Host} header and TLS keep the name), so DNS rebinding between check and connect is
 * useless; redirects are never followed, so a receiver cannot bounce the call inward either.
 * Kept-alive connections are pooled by the address they go to, so a later call reuses one only when
 * its host has just resolved, and been checked, to that same address.
 *
 * <p>Secrets rotate (Standard Webhooks): after {@code POST /api/subscriptions/{id}/secret} the
 * header carries a signature with the new secret and one with the old, space-separated, for the
 * configured overlap, so a receiver never sees a call it cannot verify.
 */
package io.alertwire.notifier.webhook;
