package io.alertwire.notifier.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** When to try again after a failed attempt: the configured waits, each with ±20% jitter. */
public class RetrySchedule {

    private static final double JITTER = 0.2;

    private final List<Duration> waits;
    private final DoubleSupplier random;

    public RetrySchedule(List<Duration> waits) {
        this(waits, () -> ThreadLocalRandom.current().nextDouble());
    }

    RetrySchedule(List<Duration> waits, DoubleSupplier random) {
        this.waits = List.copyOf(waits);
        this.random = random;
    }

    /** The longest wait of the schedule: a receiver's {@code Retry-After} is not honoured beyond it. */
    public Duration longest() {
        return waits.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** A wait a receiver asked for, within 0 and the {@link #longest()} wait of the schedule. */
    public Duration bounded(Duration asked) {
        return asked.isNegative() ? Duration.ZERO : asked.compareTo(longest()) > 0 ? longest() : asked;
    }

    /**
     * The wait before the next attempt, given how many attempts have failed so far (including the
     * one just made); empty when the schedule is used up and the delivery has failed for good.
     */
    public Optional<Duration> after(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > waits.size()) {
            return Optional.empty();
        }
        Duration wait = waits.get(failedAttempts - 1);
        double factor = 1 - JITTER + 2 * JITTER * random.getAsDouble();
        return Optional.of(Duration.ofMillis(Math.round(wait.toMillis() * factor)));
    }
}
