package io.alertwire.notifier.webhook;

import java.nio.charset.StandardCharsets;

/**
 * How much of a receiver's answer is read and kept: an answer may be endless, and only the
 * beginning of an error's body is of use (an excerpt in the attempt's error). A 2xx body is read
 * (to let the connection be reused) but not kept.
 */
final class CappedBody {

    /** The most of an answer that is read. */
    static final int CAP = 64 * 1024;
    /** The most of it that is kept, in the attempt's error. */
    static final int EXCERPT = 200;

    private CappedBody() {
    }

    /** The beginning of a body as one line of readable text, at most {@link #EXCERPT} characters. */
    static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }
}
