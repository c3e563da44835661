package io.alertwire.notifier.delivery;

import java.time.Instant;

/**
 * The result of one send.
 *
 * @param success whether the receiver took the alert (a 2xx answer, an accepted mail)
 * @param statusCode the HTTP status of a webhook call, {@code null} for email or when none came
 * @param error why it failed, readable by the subscription's owner; {@code null} on success
 * @param durationMs how long the attempt took
 * @param retryAfter when the receiver asked to be tried again (a 429 or 503 with
 *     {@code Retry-After}); {@code null} when it did not say
 * @param gone whether the receiver said the endpoint is gone for good (410): its subscription is
 *     disabled
 */
public record SendOutcome(boolean success, Integer statusCode, String error, long durationMs, Instant retryAfter,
        boolean gone) {

    public static SendOutcome sent(Integer statusCode, long durationMs) {
        return new SendOutcome(true, statusCode, null, durationMs, null, false);
    }

    public static SendOutcome failed(Integer statusCode, String error, long durationMs) {
        return new SendOutcome(false, statusCode, error, durationMs, null, false);
    }

    /** A failure after which the receiver asked to wait until {@code at}. */
    public static SendOutcome retryAfter(Integer statusCode, String error, long durationMs, Instant at) {
        return new SendOutcome(false, statusCode, error, durationMs, at, false);
    }

    /** The endpoint is gone (410): no retry, and its subscription stops. */
    public static SendOutcome gone(Integer statusCode, String error, long durationMs) {
        return new SendOutcome(false, statusCode, error, durationMs, null, true);
    }
}
