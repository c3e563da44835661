package io.alertwire.notifier.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** The digest clock of a test: the system clock, moved forward on request. */
public class MovableClock extends DigestClock {

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant now() {
        return Instant.now().plus(ahead.get());
    }

    /** From now on, the clock reads {@code at} plus the time that passes from here. */
    public void moveTo(Instant at) {
        ahead.set(Duration.between(Instant.now(), at));
    }
}
