package io.alertwire.notifier.subscription;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one spelling of a topic inside the notifier: lower-case, every run of characters that are
 * neither letters nor digits replaced by {@code -}, no leading or trailing {@code -}.
 *
 * <p>The classifier's topic ids are exactly the slug of their names, so normalising both what a
 * subscriber typed and what a match carries lets a subscription name a topic by id or by name:
 * {@code "Inter-Korean Dialogue"} and {@code "inter-korean-dialogue"} are the same topic.
 */
public final class TopicSlug {

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TopicSlug() {
    }

    /** The slug of a topic id or name; empty when it holds no letter or digit. */
    public static String of(String topic) {
        if (topic == null) {
            return "";
        }
        String dashed = NOT_LETTER_OR_DIGIT.matcher(topic.toLowerCase(Locale.ROOT)).replaceAll("-");
        int start = 0;
        int end = dashed.length();
        while (start < end && dashed.charAt(start) == '-') {
            start++;
        }
        while (end > start && dashed.charAt(end - 1) == '-') {
            end--;
        }
        return dashed.substring(start, end);
    }
}
