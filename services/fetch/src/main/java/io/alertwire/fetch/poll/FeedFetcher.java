package io.alertwire.fetch.poll;

import io.alertwire.fetch.feed.HubLinks;
import io.alertwire.fetch.net.AddressPolicy;
import io.alertwire.fetch.net.ForbiddenAddressException;
import io.alertwire.fetch.source.ClaimedSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/**
 * Fetches a source over HTTP: conditional GET, gzip, redirects, and hard limits on time and size.
 *
 * <p>Redirects are followed here rather than by the HTTP client so that every hop passes the
 * {@link AddressPolicy}: a public feed must not be able to redirect the fetcher into the private
 * network. The size limit is applied while the body streams in (compressed) and again while it is
 * decompressed, so neither an endless body nor a gzip bomb can exhaust memory. The time limit
 * covers the whole fetch, body and redirects included, so a server that trickles bytes cannot hold
 * a fetch thread either.
 */
@ApplicationScoped
public class FeedFetcher {

    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    private static final int HTTP_THREADS = 2;

    private final PollConfig config;
    private final AddressPolicy addressPolicy;
    private final HttpClient client;

    public FeedFetcher(PollConfig config, AddressPolicy addressPolicy) {
        this.config = config;
        this.addressPolicy = addressPolicy;
        AtomicInteger threads = new AtomicInteger();
        this.client = HttpClient.newBuilder()
                // the client's own default is a thread pool without bound, which grew to one thread per
                // fetch in flight; its tasks (handing over headers and body bytes) never block, and the
                // fetch workers wait for the response anyway, so a few threads serve every fetch
                .executor(Executors.newFixedThreadPool(HTTP_THREADS, task -> {
                    Thread thread = new Thread(task, "feed-http-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }))
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1: plain-http upgrade attempts to h2c confuse some feed servers
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Fetches the source; never throws, every failure is a {@link FetchResult.Failed} with a reason. */
    public FetchResult fetch(ClaimedSource source) {
        return fetch(source.url(), source.etag(), source.lastModified(), ACCEPT);
    }

    /**
     * Fetches any other resource of a feed's host (robots.txt) with the same limits and address
     * policy as a feed, unconditionally; never throws.
     */
    public FetchResult fetch(URI uri, String accept) {
        return fetch(uri, null, null, accept);
    }

    private FetchResult fetch(URI start, String etag, String lastModified, String accept) {
        long deadline = System.nanoTime() + config.requestTimeout().toNanos();
        URI uri = start;
        // the stored URL follows permanent redirects only, and only while every hop so far was one
        URI movedTo = null;
        boolean permanentSoFar = true;
        for (int hop = 0; hop <= config.maxRedirects(); hop++) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return new FetchResult.Failed(null, "redirected to a URL that is not http or https: " + uri);
            }
            try {
                addressPolicy.check(uri);
            } catch (ForbiddenAddressException e) {
                return new FetchResult.Failed(null, "address not allowed: " + e.getMessage());
            } catch (UnknownHostException e) {
                return new FetchResult.Failed(null, "host not found: " + uri.getHost());
            }
            HttpResponse<byte[]> response;
            try {
                response = send(request(uri, etag, lastModified, accept), deadline);
            } catch (Failure failure) {
                return failure.result;
            }
            int status = response.statusCode();
            if (isRedirect(status)) {
                var location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    return new FetchResult.Failed(status, "HTTP " + status + " without a Location header");
                }
                try {
                    uri = uri.resolve(location.get().strip());
                } catch (IllegalArgumentException e) {
                    return new FetchResult.Failed(status, "HTTP " + status + " to an invalid Location");
                }
                permanentSoFar &= status == 301 || status == 308;
                if (permanentSoFar) {
                    movedTo = uri;
                }
                continue;
            }
            Instant now = Instant.now();
            if (status == 304) {
                return new FetchResult.NotModified(status, ServerHints.freshUntil(response.headers(), now), movedTo);
            }
            if (status == 429 || status == 503) {
                Instant retryAfter = ServerHints.retryAfter(response.headers(), now);
                return new FetchResult.Failed(status, retryAfter == null ? "HTTP " + status
                        : "HTTP " + status + ", asked to retry after " + retryAfter.truncatedTo(ChronoUnit.SECONDS),
                        retryAfter);
            }
            if (status < 200 || status > 299) {
                return new FetchResult.Failed(status, "HTTP " + status);
            }
            try {
                byte[] body = decode(response.body(), response.headers());
                HttpHeaders headers = response.headers();
                return new FetchResult.Fetched(status, uri, headers.firstValue("Content-Type").orElse(null), body,
                        headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null),
                        ServerHints.freshUntil(headers, now), movedTo, HubLinks.fromLinkHeaders(headers.allValues("Link")));
            } catch (Failure failure) {
                return failure.result;
            }
        }
        return new FetchResult.Failed(null, "more than " + config.maxRedirects() + " redirects");
    }

    private HttpRequest request(URI uri, String etag, String lastModified, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(config.requestTimeout())
                .header("User-Agent", config.userAgent())
                .header("Accept", accept)
                .header("Accept-Encoding", "gzip");
        // validators belong to the stored URL; after a redirect they are still what the server gave
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        return request.build();
    }

    private HttpResponse<byte[]> send(HttpRequest request, long deadline) throws Failure {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> {
            if (info.statusCode() == 304) {
                // no body by definition: read the (empty) rest, so the connection is kept for the
                // next conditional GET instead of being closed by a cancel
                return HttpResponse.BodySubscribers.replacing(new byte[0]);
            }
            boolean wanted = info.statusCode() >= 200 && info.statusCode() <= 299;
            // bodies of errors and redirects are not read: a hostile server could make them endless
            return new CappedBodySubscriber(wanted ? config.maxResponseBytes() : -1);
        });
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Failure(null, timedOut());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure(null, "interrupted");
        } catch (ExecutionException e) {
            throw new Failure(null, describe(e.getCause()));
        }
    }

    private String describe(Throwable cause) {
        if (cause instanceof TooLarge) {
            return tooLarge();
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect within " + config.connectTimeout().toSeconds() + " s";
        }
        if (cause instanceof HttpTimeoutException) {
            return timedOut();
        }
        if (cause instanceof UnknownHostException) {
            return "host not found";
        }
        if (cause instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        if (cause instanceof SSLException) {
            return "TLS error: " + cause.getMessage();
        }
        if (cause instanceof IOException && cause.getCause() != null && cause.getCause() != cause) {
            return describe(cause.getCause());
        }
        return "network error: " + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
    }

    private byte[] decode(byte[] body, HttpHeaders headers) throws Failure {
        String encoding = headers.firstValue("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "", "identity":
                return body;
            case "gzip", "x-gzip":
                break;
            default:
                throw new Failure(200, "unsupported Content-Encoding: " + encoding);
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(body.length * 4, 8192));
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > config.maxResponseBytes()) {
                    throw new Failure(200, tooLarge() + " once decompressed");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (ZipException e) {
            throw new Failure(200, "the gzip response body is corrupt");
        } catch (IOException e) {
            throw new Failure(200, "the gzip response body cannot be read: " + e.getMessage());
        }
    }

    private String timedOut() {
        return "timed out after " + config.requestTimeout().toSeconds() + " s";
    }

    private String tooLarge() {
        long max = config.maxResponseBytes();
        long mib = 1024 * 1024;
        return "response larger than " + (max % mib == 0 ? max / mib + " MiB" : max + " bytes");
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** A fetch that ended early with a readable reason. */
    private static final class Failure extends Exception {
        final transient FetchResult.Failed result;

        Failure(Integer status, String reason) {
            super(reason, null, false, false);
            this.result = new FetchResult.Failed(status, reason);
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("response too large", null);
        }
    }

    /**
     * Collects the body up to a limit and gives up (closing the connection) beyond it; with a
     * negative limit it reads nothing at all.
     */
    private static final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedBodySubscriber(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (max < 0) {
                subscription.cancel();
                result.complete(new byte[0]);
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
