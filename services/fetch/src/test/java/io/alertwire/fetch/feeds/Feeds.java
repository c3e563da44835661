package io.alertwire.fetch.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The feed fixtures next to this class, with their placeholders filled: {@code {{id}}} makes every
 * link unique to one test, {@code {{recent}}}/{@code {{recentIso}}} is an hour ago and
 * {@code {{old}}} a month ago.
 */
public final class Feeds {

    private Feeds() {
    }

    public static String load(String name, String id) {
        return load(name, Map.of("id", id));
    }

    public static String load(String name, Map<String, String> values) {
        return fill(new String(bytes(name), StandardCharsets.UTF_8), values);
    }

    /**
     * A fixture byte for byte, placeholders filled (ASCII values only), for fixtures that are not
     * valid text in any charset on purpose.
     */
    public static byte[] loadBytes(String name, Map<String, String> values) {
        return fill(new String(bytes(name), StandardCharsets.ISO_8859_1), values).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A fixture as it is stored (e.g. compressed). */
    public static byte[] bytes(String name) {
        try (InputStream in = Feeds.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fill(String fixture, Map<String, String> values) {
        Instant recent = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant old = Instant.now().minus(30, ChronoUnit.DAYS);
        String text = fixture.replace("{{recent}}", DateTimeFormatter.RFC_1123_DATE_TIME.format(recent.atZone(ZoneOffset.UTC)))
                .replace("{{recentIso}}", recent.toString())
                .replace("{{old}}", DateTimeFormatter.RFC_1123_DATE_TIME.format(old.atZone(ZoneOffset.UTC)));
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return text;
    }
}
