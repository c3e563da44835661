package io.alertwire.fetch.robots;

import java.time.Duration;

/** Whether a URL may be fetched, by its host's robots.txt. */
public sealed interface RobotsVerdict {

    /** @param crawlDelay the gap the host asks between two fetches (zero when it asks none) */
    record Allowed(Duration crawlDelay) implements RobotsVerdict {
    }

    /** @param reason readable, for the source's {@code lastError} */
    record Denied(String reason) implements RobotsVerdict {
    }
}
