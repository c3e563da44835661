/**
 * Signed, expiring tokens for the links in mails: confirming a subscription and unsubscribing.
 *
 * <p>A link in a mail is a capability: whoever holds it may act on one subscription, without a
 * login. So a token names exactly one subscription and one purpose, runs out (confirmation after
 * 7 days, unsubscribe after a year; every alert mail carries a fresh one), and cannot be forged:
 * it is the purpose, the subscription id and the expiry, followed by their HMAC-SHA256 under a
 * server secret ({@code ALERTWIRE_NOTIFIER_TOKEN_SECRET}), all in base64url. Nothing is stored, so
 * every mail's link stays valid on its own: a second confirmation mail (after a crash between
 * sending and recording) does not invalidate the first, and any replica can check any token.
 *
 * <p>The pages that take tokens answer a token that is malformed, tampered with, expired or made
 * for the other purpose with a small HTML page (404), never an error trace. What a valid token may
 * still not do is decided by the subscription's state: a confirmation link acts only on a pending
 * subscription, so an old one cannot re-activate a subscription its owner unsubscribed or paused.
 * Rotating the secret invalidates every link already sent.
 */
package io.alertwire.notifier.token;
