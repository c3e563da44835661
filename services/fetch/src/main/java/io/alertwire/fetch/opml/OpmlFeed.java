package io.alertwire.fetch.opml;

import java.time.Duration;

/**
 * One subscription of an OPML file: an {@code <outline>} with an {@code xmlUrl}.
 *
 * @param url the feed's address as written in the file
 * @param name the outline's {@code title}, else its {@code text}, else null
 * @param pollInterval Alertwire's {@code alertwire:pollInterval} attribute (ISO-8601), or null when
 *        absent or unreadable
 * @param enabled Alertwire's {@code alertwire:enabled} attribute, or null when absent or unreadable
 */
public record OpmlFeed(String url, String name, Duration pollInterval, Boolean enabled) {

    /** Namespace of the attributes Alertwire adds to an outline; other readers ignore them. */
    public static final String NAMESPACE = "https://alertwire.io/ns/opml";

    /** A subscription with nothing but its address and name, as other feed readers write it. */
    public OpmlFeed(String url, String name) {
        this(url, name, null, null);
    }
}
