package io.alertwire.fetch.fulltext;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises the lines of a news page that are page furniture rather than the article: ad slots,
 * reading-time and text-to-speech widgets, trust badges, share counters and buttons, cookie
 * notices, newsletter pitches and photo captions. Applied to each block of text the extractor
 * keeps; most furniture is short, so the short-line patterns only look at lines up to
 * {@value #SHORT} characters, and a real paragraph is never that short and that formulaic.
 */
public final class FurnitureLines {

    static final int SHORT = 120;

    private static final List<Pattern> SHORT_LINES = List.of(
            // ad slots
            line("advertisement|advertising|sponsored( content)?|ad|ads|promoted|paid (post|content)"),
            // text-to-speech widgets: "Select Voice", "Choose your listening speed", "1.25x", "250 WPM"
            line("select voice|choose your listening speed|listen( to this( article| story)?)?"
                    + "|get through articles \\d+(\\.\\d+)?x faster|\\d+(\\.\\d+)?x|\\d+ wpm|slow|average|fast"),
            // reading time and trust badges
            line("reading time:?\\s*\\d+\\s*min(ute)?s?|\\d+\\s*min(ute)?s? read|why you can trust .{1,40}"),
            // share counters and buttons
            line("\\d{1,7}|\\d+ (shares?|comments?)|comments?|share( (this|the) (article|story|page))?"
                    + "|(share|post) (on|to|via) .{1,30}|facebook|twitter|x|whatsapp|linkedin|telegram|reddit"
                    + "|e-?mail|print|copy link|link copied|save|bookmark|gift (this )?article"),
            // cookie banners, newsletters, subscriptions, follow buttons
            line("(we|this (site|website)) uses? cookies.*|accept( all)? cookies|cookie (settings|preferences|policy)"
                    + "|(manage|reject) (all|cookies).*|sign up (for|to) .*newsletter.*|subscribe( now| today)?.*"
                    + "|follow us( on .*)?|(download|get) (the|our) app.*"),
            // link lists that introduce other stories
            line("(read|see) (more|also)( on .*)?:?|related( stories| articles| coverage)?:?|more (on|from) .{1,60}"
                    + "|(most (read|popular)|trending|recommended)( stories| now)?:?|top stories"),
            // copyright lines
            line("(©|copyright|\\(c\\)) .*|all rights reserved\\.?"));

    // "... in June 2019. Photo: Reuters", "Photo: KCNA/KNA/AFP": a credit after a colon ends the line
    private static final Pattern CAPTION = Pattern.compile(
            "(?iu).*\\b(photo|photograph|picture|image|file photo)s?:\\s*[\\p{L}\\p{N} /.,&'’-]{2,80}");

    private FurnitureLines() {
    }

    private static Pattern line(String alternatives) {
        return Pattern.compile("(?iu)\\s*(" + alternatives + ")\\s*[.!]?\\s*");
    }

    /** Whether a line of page text is furniture to drop. */
    public static boolean isFurniture(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return true;
        }
        if (text.length() <= SHORT && SHORT_LINES.stream().anyMatch(pattern -> pattern.matcher(text).matches())) {
            return true;
        }
        return text.length() <= 400 && CAPTION.matcher(text).matches();
    }
}
