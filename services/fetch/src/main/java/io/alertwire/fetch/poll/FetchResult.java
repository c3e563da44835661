package io.alertwire.fetch.poll;

import java.net.URI;

/** What one HTTP fetch of a source gave. */
public sealed interface FetchResult {

    /** A 2xx response with its (decompressed) body and the validators for the next conditional GET. */
    record Fetched(int status, URI finalUri, String contentType, byte[] body, String etag, String lastModified)
            implements FetchResult {
    }

    /** 304: the feed has not changed since the stored ETag / Last-Modified. */
    record NotModified(int status) implements FetchResult {
    }

    /**
     * The fetch failed.
     *
     * @param status the HTTP status, or null when there was no response
     * @param reason readable, for the source's {@code lastError}
     */
    record Failed(Integer status, String reason) implements FetchResult {
    }
}
