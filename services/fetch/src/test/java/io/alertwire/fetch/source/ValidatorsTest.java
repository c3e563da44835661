package io.alertwire.fetch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

    @Test
    void storesTheTtlInSeconds() {
        assertEquals(10_800, new QuietFetch.Validators(null, null, "d", Duration.ofMinutes(180)).feedTtlSeconds());
        assertNull(new QuietFetch.Validators(null, null, "d", null).feedTtlSeconds());
    }

    @Test
    void aTtlTooLargeForTheColumnIsStoredAsTheLargestNotAFailure() {
        // <ttl>2147483647</ttl>: minutes, so more seconds than an int holds
        Duration hostile = Duration.ofMinutes(Integer.MAX_VALUE);
        assertEquals(Integer.MAX_VALUE, new QuietFetch.Validators(null, null, "d", hostile).feedTtlSeconds());
    }
}
