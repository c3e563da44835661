package io.alertwire.fetch.feed;

import org.jsoup.Jsoup;

/** Feed text fields are often HTML (or escaped HTML): consumers want words, not markup. */
public final class PlainText {

    private PlainText() {
    }

    /** The text of an HTML fragment, whitespace collapsed; empty for null. */
    static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html.strip().replaceAll("\\s+", " ");
        }
        return Jsoup.parseBodyFragment(html).text();
    }

    /** Cuts text to at most {@code max} chars without splitting a surrogate pair. */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
