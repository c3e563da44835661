/**
 * Unsubscribing from a mail, as RFC 8058 asks: every alert mail carries {@code List-Unsubscribe}
 * (an https link with a signed token, and a mailto address) and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}, plus a visible link in its text.
 *
 * <p>A GET of the link only shows a page with a button, because scanners open links; a POST (the
 * button, or the mail client's one-click request) sets the subscription {@code unsubscribed}.
 * That state is final for the API: only a new subscription, confirmed again, sends alerts to the
 * address again. Tokens are those of {@link io.alertwire.notifier.token}.
 */
package io.alertwire.notifier.unsubscribe;
