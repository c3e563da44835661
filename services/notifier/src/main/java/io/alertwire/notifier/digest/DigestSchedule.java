package io.alertwire.notifier.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * When a digest subscription's next digest is due, from the subscriber's local time.
 *
 * <p>Daylight-saving changes follow {@link ZonedDateTime#of}: a daily time that does not exist
 * that day (02:30 when the clocks jump from 02:00 to 03:00) fires as late as the gap is long
 * (03:30); a time that happens twice (01:30 when the clocks fall back) fires once, at its first
 * occurrence. An hourly digest fires every hour on the timeline at its minute of the local hour:
 * when the clocks jump, the hour between is skipped with them; when they fall back, the repeated
 * hour has its own digest, as every real hour does.
 */
public final class DigestSchedule {

    public static final String HOURLY = "hourly";
    public static final String DAILY = "daily";

    /** A daily digest's time when the subscription names none. */
    public static final LocalTime DEFAULT_DAILY = LocalTime.of(8, 0);
    /** An hourly digest's time when the subscription names none: on the hour. */
    public static final LocalTime DEFAULT_HOURLY = LocalTime.MIDNIGHT;

    private DigestSchedule() {
    }

    /**
     * The first digest time strictly after {@code after}.
     *
     * @param mode {@link #HOURLY} or {@link #DAILY}
     * @param at the local time of a daily digest; of an hourly one only its minutes count
     */
    public static Instant next(String mode, LocalTime at, ZoneId zone, Instant after) {
        return switch (mode) {
            case DAILY -> nextDaily(at == null ? DEFAULT_DAILY : at, zone, after);
            case HOURLY -> nextHourly(at == null ? 0 : at.getMinute(), zone, after);
            default -> throw new IllegalArgumentException("not a digest mode: " + mode);
        };
    }

    private static Instant nextDaily(LocalTime at, ZoneId zone, Instant after) {
        // ZonedDateTime.of resolves a gap by moving forward by its length, an overlap to the earlier offset
        for (LocalDate day = after.atZone(zone).toLocalDate(); ; day = day.plusDays(1)) {
            Instant candidate = ZonedDateTime.of(day, at, zone).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
        }
    }

    private static Instant nextHourly(int minute, ZoneId zone, Instant after) {
        ZonedDateTime candidate = after.atZone(zone).truncatedTo(ChronoUnit.HOURS).withMinute(minute);
        while (!candidate.toInstant().isAfter(after)) {
            // plusHours works on the timeline, so a repeated local hour gets its digest too
            candidate = candidate.plusHours(1).withMinute(minute);
        }
        return candidate.toInstant();
    }
}
