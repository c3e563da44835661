package io.alertwire.fetch.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * Dates as JSON Feeds and sitemaps write them (RFC 3339 and its W3C-DTF abbreviations, sometimes
 * RFC 1123). A date we cannot read is unknown, never a reason to drop the item.
 */
final class LenientDates {

    private static final List<Function<String, Instant>> FORMATS = List.of(
            text -> OffsetDateTime.parse(text).toInstant(),
            text -> OffsetDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX")).toInstant(),
            text -> LocalDateTime.parse(text).toInstant(ZoneOffset.UTC),
            text -> LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant(),
            text -> ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());

    private LenientDates() {
    }

    /** The instant, or null when the text is missing or in no format we know. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        for (Function<String, Instant> format : FORMATS) {
            try {
                return format.apply(trimmed);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }
}
