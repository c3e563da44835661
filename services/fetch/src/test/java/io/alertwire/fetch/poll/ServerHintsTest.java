package io.alertwire.fetch.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerHintsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (name, value) -> true);
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        assertEquals(NOW.plusSeconds(120), ServerHints.retryAfter(headers(Map.of("Retry-After", List.of("120"))), NOW));
        assertEquals(Instant.parse("2026-11-28T09:30:00Z"), ServerHints.retryAfter(
                headers(Map.of("Retry-After", List.of("Sat, 28 Nov 2026 09:30:00 GMT"))), NOW));
        assertNull(ServerHints.retryAfter(headers(Map.of("Retry-After", List.of("soon"))), NOW));
        assertNull(ServerHints.retryAfter(headers(Map.of()), NOW));
    }

    @Test
    void prefersMaxAgeOverExpires() {
        assertEquals(NOW.plusSeconds(600), ServerHints.freshUntil(headers(Map.of(
                "Cache-Control", List.of("public, max-age=600"),
                "Expires", List.of("Sat, 28 Nov 2026 20:00:00 GMT"))), NOW));
        assertEquals(Instant.parse("2026-11-28T20:00:00Z"), ServerHints.freshUntil(headers(Map.of(
                "Expires", List.of("Sat, 28 Nov 2026 20:00:00 GMT"))), NOW));
        assertNull(ServerHints.freshUntil(headers(Map.of("Expires", List.of("0"))), NOW));
        assertNull(ServerHints.freshUntil(headers(Map.of("Cache-Control", List.of("no-cache"))), NOW));
    }
}
