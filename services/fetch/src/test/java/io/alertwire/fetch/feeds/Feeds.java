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
        try (InputStream in = Feeds.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Instant recent = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            Instant old = Instant.now().minus(30, ChronoUnit.DAYS);
            text = text.replace("{{recent}}", DateTimeFormatter.RFC_1123_DATE_TIME.format(recent.atZone(ZoneOffset.UTC)))
                    .replace("{{recentIso}}", recent.toString())
                    .replace("{{old}}", DateTimeFormatter.RFC_1123_DATE_TIME.format(old.atZone(ZoneOffset.UTC)));
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("{{" + value.getKey() + "}}", value.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
