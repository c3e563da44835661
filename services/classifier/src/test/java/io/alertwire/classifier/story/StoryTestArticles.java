package io.alertwire.classifier.story;

import io.alertwire.events.ArticleEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Articles for story tests, each with a fresh id and link. */
public final class StoryTestArticles {

    private StoryTestArticles() {
    }

    public static ArticleEvent article(String source, String title, String content, String language) {
        String id = sha256(UUID.randomUUID().toString());
        String url = "https://" + source.toLowerCase().replaceAll("[^a-z]", "") + ".example/" + id;
        return new ArticleEvent(id, url, url, "1", source, title, "", content, language, null, Instant.now(),
                List.of(), List.of());
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
