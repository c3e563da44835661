package io.alertwire.fetch.poll;

import io.alertwire.fetch.feed.HubLinks;
import java.net.URI;
import java.time.Instant;

/** What one HTTP fetch of a source gave. */
public sealed interface FetchResult {

    /**
     * A 2xx response with its (decompressed) body and the validators for the next conditional GET.
     *
     * @param freshUntil until when the server says the response stays fresh (Cache-Control max-age,
     *        Expires), or null
     * @param movedTo where permanent redirects (301, 308) said the feed now lives, or null
     * @param hubLinks WebSub hubs and self URL named by the response's {@code Link} headers
     */
    record Fetched(int status, URI finalUri, String contentType, byte[] body, String etag, String lastModified,
            Instant freshUntil, URI movedTo, HubLinks hubLinks) implements FetchResult {
    }

    /** 304: the feed has not changed since the stored ETag / Last-Modified. Fields as in {@link Fetched}. */
    record NotModified(int status, Instant freshUntil, URI movedTo) implements FetchResult {
    }

    /**
     * The fetch failed.
     *
     * @param status the HTTP status, or null when there was no response
     * @param reason readable, for the source's {@code lastError}
     * @param retryAfter the earliest next attempt the server asked for (Retry-After on 429/503), or null
     */
    record Failed(Integer status, String reason, Instant retryAfter) implements FetchResult {

        public Failed(Integer status, String reason) {
            this(status, reason, null);
        }
    }
}
