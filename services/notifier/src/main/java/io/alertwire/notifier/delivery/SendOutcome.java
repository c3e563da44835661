package io.alertwire.notifier.delivery;

/**
 * The result of one send.
 *
 * @param success whether the receiver took the alert (a 2xx answer, an accepted mail)
 * @param statusCode the HTTP status of a webhook call, {@code null} for email or when none came
 * @param error why it failed, readable by the subscription's owner; {@code null} on success
 * @param durationMs how long the attempt took
 */
public record SendOutcome(boolean success, Integer statusCode, String error, long durationMs) {

    public static SendOutcome sent(Integer statusCode, long durationMs) {
        return new SendOutcome(true, statusCode, null, durationMs);
    }

    public static SendOutcome failed(Integer statusCode, String error, long durationMs) {
        return new SendOutcome(false, statusCode, error, durationMs);
    }
}
