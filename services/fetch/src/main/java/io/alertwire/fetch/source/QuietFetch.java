package io.alertwire.fetch.source;

import java.time.Duration;

/**
 * A successful fetch that brought no new article (a 304, or a feed whose entries were all known),
 * as {@link SourceRepository#recordQuietFetches} writes it.
 *
 * @param kind the feed's kind when the fetch parsed one, or null to keep the stored kind (a 304)
 * @param validators what the response said when it carried a feed, which replaces what is stored
 *        (even by none), or null to keep it (a 304)
 */
public record QuietFetch(FetchSuccess success, String kind, Validators validators) {

    /**
     * What tells the next fetch that the feed has not changed: the server's validators for a
     * conditional GET, and the digest of the body for servers without them, with the RSS ttl that
     * body asked for (an unchanged body is not parsed again, so its ttl is remembered).
     *
     * @param contentDigest SHA-256 (hex) of the (decompressed) body
     * @param feedTtl the body's RSS ttl, or null
     */
    public record Validators(String etag, String lastModified, String contentDigest, Duration feedTtl) {

        /**
         * The ttl in whole seconds as stored, or null; a ttl beyond what an int holds (a feed may
         * ask for billions of minutes) is stored as the largest: the schedule waits at most a day.
         */
        public Integer feedTtlSeconds() {
            return feedTtl == null ? null : (int) Math.min(feedTtl.toSeconds(), Integer.MAX_VALUE);
        }
    }
}
