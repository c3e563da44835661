package io.alertwire.classifier.article;

import java.util.List;
import java.util.Locale;

/** Short excerpts of an article around the words a topic matched. */
public final class Snippets {

    private Snippets() {
    }

    /**
     * About {@code length} characters of {@code text} around the first highlight found in it (the
     * start of the text when none is), cut at word boundaries and marked with ellipses.
     */
    public static String around(String text, List<String> highlights, int length) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= length) {
            return flat;
        }
        String lower = flat.toLowerCase(Locale.ROOT);
        int hit = highlights.stream()
                .mapToInt(h -> lower.indexOf(h.toLowerCase(Locale.ROOT)))
                .filter(i -> i >= 0)
                .min().orElse(0);
        // a third of the room before the hit, the rest after it
        int start = Math.max(0, Math.min(hit - length / 3, flat.length() - length));
        int end = Math.min(flat.length(), start + length);
        if (start > 0) {
            int space = flat.indexOf(' ', start);
            start = space < 0 || space >= hit ? start : space + 1;
        }
        if (end < flat.length()) {
            int space = flat.lastIndexOf(' ', end);
            end = space > start ? space : end;
        }
        return (start > 0 ? "…" : "") + flat.substring(start, end).strip() + (end < flat.length() ? "…" : "");
    }
}
