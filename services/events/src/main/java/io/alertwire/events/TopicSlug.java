package io.alertwire.events;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one spelling of a topic across services: a topic's id is the slug of its name.
 *
 * <p>The classifier gives each topic the slug of its name as id, and the notifier compares the
 * slug of what a subscriber typed with the slug of a match's {@code topicId} and {@code topicName};
 * so a subscription may name a topic by id or by name ({@code "Inter-Korean dialogue"} and
 * {@code "inter-korean-dialogue"} are the same topic). Both sides must use this one rule.
 */
public final class TopicSlug {

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TopicSlug() {
    }

    /**
     * Lower case, every run of characters that are neither letters nor digits replaced by one
     * {@code -}, no {@code -} at either end; letters of every script are kept
     * ({@code 남북 대화} → {@code 남북-대화}). Empty when the text holds no letter or digit.
     */
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
