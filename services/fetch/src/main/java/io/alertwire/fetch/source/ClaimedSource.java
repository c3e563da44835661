package io.alertwire.fetch.source;

import java.net.URI;
import java.time.Duration;

/**
 * What the poller needs of a source it has leased, read in the claim transaction so that the fetch
 * itself runs with no transaction or entity attached.
 *
 * @param fullText whether new articles' pages are downloaded for their full text
 * @param contentDigest SHA-256 (hex) of the last parsed feed body, or null
 * @param feedTtl the RSS ttl of that body, or null
 */
public record ClaimedSource(long id, URI url, String name, String etag, String lastModified,
        Duration pollInterval, boolean fullText, String contentDigest, Duration feedTtl) {

    /** Whether {@code digest} is that of the body last parsed from this source. */
    public boolean servedBefore(String digest) {
        return digest.equals(contentDigest);
    }
}
