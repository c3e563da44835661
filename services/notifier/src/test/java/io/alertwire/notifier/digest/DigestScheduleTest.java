package io.alertwire.notifier.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private static Instant daily(String at, ZoneId zone, String after) {
        return DigestSchedule.next(DigestSchedule.DAILY, LocalTime.parse(at), zone, Instant.parse(after));
    }

    private static Instant hourly(String at, ZoneId zone, String after) {
        return DigestSchedule.next(DigestSchedule.HOURLY, LocalTime.parse(at), zone, Instant.parse(after));
    }

    @Test
    void firesDailyAtTheLocalTimeInAZoneWithoutDaylightSaving() {
        // 08:00 in Seoul (UTC+9) is 23:00 UTC the day before
        assertEquals(Instant.parse("2026-11-28T23:00:00Z"), daily("08:00", SEOUL, "2026-11-28T10:00:00Z"));
        // just before and exactly at the digest time: the next one is strictly later
        assertEquals(Instant.parse("2026-11-28T23:00:00Z"), daily("08:00", SEOUL, "2026-11-28T22:59:59Z"));
        assertEquals(Instant.parse("2026-11-29T23:00:00Z"), daily("08:00", SEOUL, "2026-11-28T23:00:00Z"));
    }

    @Test
    void keepsTheLocalTimeAcrossTheChangeOfOffset() {
        // Berlin: 08:00 is 07:00Z in winter time (before 2026-03-29) and 06:00Z in summer time
        assertEquals(Instant.parse("2026-03-28T07:00:00Z"), daily("08:00", BERLIN, "2026-03-28T06:00:00Z"));
        assertEquals(Instant.parse("2026-03-29T06:00:00Z"), daily("08:00", BERLIN, "2026-03-28T07:00:00Z"));
        // and back on 2026-10-25
        assertEquals(Instant.parse("2026-10-25T07:00:00Z"), daily("08:00", BERLIN, "2026-10-24T06:00:00Z"));
    }

    @Test
    void firesADailyTimeSkippedBySpringForwardAsLateAsTheGap() {
        // New York 2026-03-08: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist: 03:30 EDT = 07:30Z
        assertEquals(Instant.parse("2026-03-08T07:30:00Z"), daily("02:30", NEW_YORK, "2026-03-08T05:00:00Z"));
        // the day after, 02:30 EDT again
        assertEquals(Instant.parse("2026-03-09T06:30:00Z"), daily("02:30", NEW_YORK, "2026-03-08T07:30:00Z"));
    }

    @Test
    void firesADailyTimeRepeatedByFallBackOnce() {
        // New York 2026-11-01: 02:00 EDT falls back to 01:00 EST, so 01:30 happens at 05:30Z and at 06:30Z
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), daily("01:30", NEW_YORK, "2026-11-01T04:00:00Z"));
        // after the first 01:30, the second one is not another digest: next is the day after (EST)
        assertEquals(Instant.parse("2026-11-02T06:30:00Z"), daily("01:30", NEW_YORK, "2026-11-01T05:30:00Z"));
        assertEquals(Instant.parse("2026-11-02T06:30:00Z"), daily("01:30", NEW_YORK, "2026-11-01T06:00:00Z"));
    }

    @Test
    void firesHourlyAtTheMinuteOfTheLocalHour() {
        assertEquals(Instant.parse("2026-11-28T10:15:00Z"), hourly("00:15", SEOUL, "2026-11-28T09:15:00Z"));
        assertEquals(Instant.parse("2026-11-28T10:00:00Z"), hourly("00:00", SEOUL, "2026-11-28T09:00:01Z"));
        // India is UTC+5:30: on the local hour is half past in UTC
        assertEquals(Instant.parse("2026-11-28T09:30:00Z"),
                hourly("00:00", ZoneId.of("Asia/Kolkata"), "2026-11-28T09:00:00Z"));
    }

    @Test
    void firesHourlyEveryRealHourAcrossDaylightSavingChanges() {
        // spring forward: after 01:30 EST comes 03:30 EDT, one hour later
        assertEquals(Instant.parse("2026-03-08T07:30:00Z"), hourly("00:30", NEW_YORK, "2026-03-08T06:30:00Z"));
        // fall back: 01:30 EDT, then 01:30 EST an hour later, then 02:30 EST
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), hourly("00:30", NEW_YORK, "2026-11-01T05:00:00Z"));
        assertEquals(Instant.parse("2026-11-01T06:30:00Z"), hourly("00:30", NEW_YORK, "2026-11-01T05:30:00Z"));
        assertEquals(Instant.parse("2026-11-01T07:30:00Z"), hourly("00:30", NEW_YORK, "2026-11-01T06:30:00Z"));
    }

    @Test
    void usesTheDefaultsWhenNoTimeIsGiven() {
        assertEquals(Instant.parse("2026-11-29T08:00:00Z"),
                DigestSchedule.next(DigestSchedule.DAILY, null, ZoneId.of("UTC"), Instant.parse("2026-11-28T09:00:00Z")));
        assertEquals(Instant.parse("2026-11-28T10:00:00Z"),
                DigestSchedule.next(DigestSchedule.HOURLY, null, ZoneId.of("UTC"), Instant.parse("2026-11-28T09:00:00Z")));
    }
}
