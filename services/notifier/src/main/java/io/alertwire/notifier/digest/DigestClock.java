package io.alertwire.notifier.digest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The time of whatever the notifier measures in hours and days: digest times, rate-limit windows,
 * how long an endpoint has been failing, the overlap of a rotated webhook secret. It is the system
 * clock; a bean of its own so that a test can move it forward instead of waiting (QuarkusMock).
 */
@ApplicationScoped
public class DigestClock {

    public Instant now() {
        return Instant.now();
    }
}
