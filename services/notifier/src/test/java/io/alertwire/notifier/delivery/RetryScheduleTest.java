package io.alertwire.notifier.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final List<Duration> STANDARD = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));

    @Test
    void followsTheScheduleAndThenGivesUp() {
        RetrySchedule noJitter = new RetrySchedule(STANDARD, () -> 0.5);
        assertEquals(Optional.of(Duration.ofSeconds(5)), noJitter.after(1));
        assertEquals(Optional.of(Duration.ofMinutes(5)), noJitter.after(2));
        assertEquals(Optional.of(Duration.ofHours(10)), noJitter.after(7));
        assertEquals(Optional.empty(), noJitter.after(8));
    }

    @Test
    void jitterStaysWithinTwentyPercent() {
        assertEquals(Optional.of(Duration.ofSeconds(4)), new RetrySchedule(STANDARD, () -> 0.0).after(1));
        assertEquals(Optional.of(Duration.ofSeconds(6)), new RetrySchedule(STANDARD, () -> 1.0).after(1));
        RetrySchedule random = new RetrySchedule(STANDARD);
        for (int i = 0; i < 100; i++) {
            long millis = random.after(2).orElseThrow().toMillis();
            assertTrue(millis >= 240_000 && millis <= 360_000, Long.toString(millis));
        }
    }

    @Test
    void boundsAWaitAskedForByTheLongestOfTheSchedule() {
        RetrySchedule schedule = new RetrySchedule(STANDARD);
        assertEquals(Duration.ofHours(10), schedule.longest());
        assertEquals(Duration.ofSeconds(120), schedule.bounded(Duration.ofSeconds(120)));
        assertEquals(Duration.ofHours(10), schedule.bounded(Duration.ofDays(100)));
        assertEquals(Duration.ZERO, schedule.bounded(Duration.ofSeconds(-30)));
    }
}
