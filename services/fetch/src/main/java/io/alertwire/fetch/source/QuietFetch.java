package io.alertwire.fetch.source;

/**
 * A successful fetch that brought no new article (a 304, or a feed whose entries were all known),
 * as {@link SourceRepository#recordQuietFetches} writes it.
 *
 * @param kind the feed's kind when the fetch parsed one, or null to keep the stored kind (a 304)
 * @param validators the response's ETag and Last-Modified when it carried a feed, which replace the
 *        stored ones (even by none), or null to keep them (a 304)
 */
public record QuietFetch(FetchSuccess success, String kind, Validators validators) {

    public record Validators(String etag, String lastModified) {
    }
}
