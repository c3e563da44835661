package io.alertwire.fetch.source;

import java.net.URI;
import java.time.Duration;

/**
 * What the poller needs of a source it has leased, read in the claim transaction so that the fetch
 * itself runs with no transaction or entity attached.
 *
 * @param fullText whether new articles' pages are downloaded for their full text
 */
public record ClaimedSource(long id, URI url, String name, String etag, String lastModified,
        Duration pollInterval, boolean fullText) {
}
