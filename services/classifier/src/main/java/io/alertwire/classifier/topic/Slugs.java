package io.alertwire.classifier.topic;

import java.util.Locale;
import java.util.regex.Pattern;

/** Topic ids from names: readable in URLs, stable, and the same for names that differ only in punctuation. */
final class Slugs {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern EDGES = Pattern.compile("^-+|-+$");

    private Slugs() {
    }

    /**
     * Lower case, every run of characters that are not letters or digits replaced by one {@code -},
     * no {@code -} at either end. Letters of every script are kept ({@code 남북 대화} → {@code 남북-대화}).
     */
    static String of(String name) {
        String slug = SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
        return EDGES.matcher(slug).replaceAll("");
    }
}
