package io.alertwire.fetch.poll;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a server says about when to come back: {@code Retry-After} (seconds or an HTTP date) on 429
 * and 503, and {@code Cache-Control: max-age} / {@code Expires} on a feed. Each is an earliest next
 * fetch time, or null when the server says nothing readable; the caller bounds it.
 */
final class ServerHints {

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])(?:s-)?max-age\\s*=\\s*\"?(\\d{1,10})");

    private ServerHints() {
    }

    /** {@code Retry-After}: delta-seconds or an HTTP date. */
    static Instant retryAfter(HttpHeaders headers, Instant now) {
        return headers.firstValue("Retry-After").map(value -> secondsOrDate(value.strip(), now)).orElse(null);
    }

    /**
     * How long the response stays fresh: {@code Cache-Control: max-age} wins over {@code Expires}, as
     * in HTTP caching; {@code no-cache}/{@code no-store} say nothing about polling and are ignored.
     */
    static Instant freshUntil(HttpHeaders headers, Instant now) {
        String cacheControl = String.join(",", headers.allValues("Cache-Control")).toLowerCase(Locale.ROOT);
        Matcher maxAge = MAX_AGE.matcher(cacheControl);
        if (maxAge.find()) {
            return now.plus(Duration.ofSeconds(Long.parseLong(maxAge.group(1))));
        }
        return headers.firstValue("Expires").map(value -> httpDate(value.strip())).orElse(null);
    }

    private static Instant secondsOrDate(String value, Instant now) {
        if (value.matches("\\d{1,10}")) {
            return now.plusSeconds(Long.parseLong(value));
        }
        return httpDate(value);
    }

    private static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null; // "0", "-1" or garbage: no hint
        }
    }
}
