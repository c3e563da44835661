package io.alertwire.notifier.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void readsDelaySecondsAndHttpDates() {
        assertEquals(Optional.of(NOW.plusSeconds(120)), RetryAfter.parse("120", NOW));
        assertEquals(Optional.of(NOW.plusSeconds(0)), RetryAfter.parse(" 0 ", NOW));
        assertEquals(Optional.of(Instant.parse("2026-11-28T13:30:00Z")),
                RetryAfter.parse("Sat, 28 Nov 2026 13:30:00 GMT", NOW));
    }

    @Test
    void ignoresWhatItCannotRead() {
        for (String junk : new String[] {null, "", "soon", "-5", "1.5", "99999999999999999999", "Sat, 99 Nov 2026"}) {
            assertEquals(Optional.empty(), RetryAfter.parse(junk, NOW), junk);
        }
    }
}
