package io.alertwire.notifier.digest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The time digests are scheduled and found due by. It is the system clock; a bean of its own so
 * that a test can move it forward to a digest time instead of waiting for it (QuarkusMock).
 */
@ApplicationScoped
public class DigestClock {

    public Instant now() {
        return Instant.now();
    }
}
