package io.alertwire.fetch.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveIntervalTest {

    private static final Duration MIN = Duration.ofMinutes(5);
    private static final Duration MAX = Duration.ofHours(2);
    private static final Duration BASE = Duration.ofMinutes(15);

    private final AdaptiveInterval intervals = new AdaptiveInterval(MIN, MAX, true, 0.1);

    @Test
    void quietSourceDriftsToTheMaximumAndStaysThere() {
        Duration interval = BASE;
        interval = intervals.next(interval, BASE, interval, 0);
        assertEquals(Duration.ofSeconds(1350), interval, "one empty fetch lengthens the interval by half");
        for (int i = 0; i < 20; i++) {
            interval = intervals.next(interval, BASE, interval, 0);
        }
        assertEquals(MAX, interval);
    }

    @Test
    void busySourceIsPolledSoonerDownToTheMinimum() {
        // four new articles in 15 minutes: one every 3:45
        Duration interval = intervals.next(BASE, BASE, BASE, 4);
        assertEquals(Duration.ofSeconds((900 + 225) / 2), interval, "halfway towards the observed gap");
        for (int i = 0; i < 10; i++) {
            interval = intervals.next(interval, BASE, interval, 4);
        }
        assertEquals(MIN, interval);
    }

    @Test
    void aboutOneNewArticlePerFetchKeepsTheInterval() {
        assertEquals(BASE, intervals.next(BASE, BASE, BASE, 1));
    }

    @Test
    void findingArticlesNeverMakesTheSourceSlower() {
        // one article after a long outage of ours: the gap looks long, but the feed is not quiet
        assertEquals(BASE, intervals.next(BASE, BASE, Duration.ofHours(3), 1));
    }

    @Test
    void quietSourceComesBackDownWhenItPublishesAgain() {
        Duration interval = intervals.next(MAX, BASE, MAX, 12);
        assertTrue(interval.compareTo(MAX) < 0 && interval.compareTo(Duration.ofMinutes(65)) == 0,
                "halfway from 2 h towards one article every 10 min: " + interval);
    }

    @Test
    void firstFetchSaysNothingAboutTheRate() {
        assertEquals(BASE, intervals.next(BASE, BASE, null, 50));
    }

    @Test
    void userIntervalOutsideTheBoundsWidensThem() {
        Duration oneMinute = Duration.ofMinutes(1);
        Duration busy = intervals.next(oneMinute, oneMinute, oneMinute, 10);
        assertEquals(oneMinute, busy, "a user who asked for 1 minute is not slowed to the 5-minute minimum");
        Duration sixHours = Duration.ofHours(6);
        Duration quiet = intervals.next(Duration.ofHours(5), sixHours, Duration.ofHours(5), 0);
        assertEquals(sixHours, quiet, "a user who asked for 6 hours may drift up to 6 hours, not only 2");
    }

    @Test
    void withoutAdaptationEverySourceKeepsItsOwnInterval() {
        AdaptiveInterval fixed = new AdaptiveInterval(MIN, MAX, false, 0.1);
        assertEquals(BASE, fixed.next(Duration.ofMinutes(40), BASE, BASE, 0));
        assertEquals(BASE, fixed.next(Duration.ofMinutes(40), BASE, BASE, 30));
    }

    @Test
    void jitterMovesTheNextFetchByAtMostItsShare() {
        Duration interval = Duration.ofMinutes(10);
        assertEquals(Duration.ofMinutes(9), intervals.jittered(interval, 0.0));
        assertEquals(interval, intervals.jittered(interval, 0.5));
        Duration latest = intervals.jittered(interval, 0.999_999);
        assertTrue(latest.compareTo(Duration.ofMinutes(11)) <= 0 && latest.compareTo(Duration.ofSeconds(659)) > 0,
                latest.toString());
    }

    @Test
    void refusesBoundsThatCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveInterval(MAX, MIN, true, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveInterval(Duration.ZERO, MAX, true, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveInterval(MIN, MAX, true, 1.0));
    }
}
