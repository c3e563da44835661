package io.alertwire.notifier.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertwire.notifier.delivery.DeliveryTask;
import io.alertwire.notifier.delivery.DigestTask;
import io.alertwire.notifier.delivery.SendOutcome;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import org.jboss.logging.Logger;

/**
 * POSTs an alert or a digest to a subscriber's URL, signed per Standard Webhooks. Only a 2xx answer counts as
 * delivered; redirects are not followed (a redirect could lead to an address the policy refuses).
 * Of an error answer at most 64 KiB are read and 200 characters kept in the error; a 410 says the
 * endpoint is gone, a 429 or 503 with {@code Retry-After} says when to come back.
 *
 * <p>The host is resolved once, by the {@link WebhookAddressPolicy}, and the connection goes to the
 * address it checked: the HTTP client is handed that address and never resolves the name itself,
 * while the {@code Host} header, TLS SNI and certificate check still use the host name of the URL.
 * Connections are kept alive for a few seconds and reused, but only by a call whose host has just
 * been checked to resolve to the same address: the client pools connections by the address it
 * connects to (with the host name and the scheme), so a host that now resolves elsewhere gets a new
 * connection to the new, newly checked address. An answer is read to its end so that its connection
 * can be reused; one longer than the cap is cut off and its connection closed. A receiver may close
 * an idle connection just as a call goes out on it: a call whose connection is lost before any answer
 * is made once more, on another connection, with the same {@code webhook-id}.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int MAX_CONNECTIONS_PER_ENDPOINT = 32;
    /** Idle seconds before a kept-alive connection is closed: below the 5 s that many servers allow. */
    private static final int IDLE_CONNECTION_SECONDS = 4;

    private final WebhookAddressPolicy policy;
    private final ObjectMapper json;
    private final Duration timeout;
    private final HttpClient client;
    private final Vertx vertx;

    @Inject
    public WebhookSender(WebhookAddressPolicy policy, ObjectMapper json, WebhookConfig config, Vertx vertx) {
        this.policy = policy;
        this.json = json;
        this.timeout = config.timeout();
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .setKeepAlive(true)
                .setKeepAliveTimeout(IDLE_CONNECTION_SECONDS)
                // connections open at once to one endpoint (Vert.x allows 5 by default): the delivery
                // worker's send concurrency is the bound that matters
                .setMaxPoolSize(MAX_CONNECTIONS_PER_ENDPOINT)
                .setVerifyHost(true));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** POSTs one alert; its {@code webhook-id} is the delivery id. */
    public SendOutcome send(DeliveryTask task) {
        return post(task.webhookUrl(), task.webhookSecrets(), task.deliveryId().toString(),
                write(new WebhookPayload(WebhookPayload.ALERT_CREATED, task.deliveryId(), task.createdAt(),
                        task.subscriptionId(), task.topics(), task.story())));
    }

    /** POSTs one digest; its {@code webhook-id} is the digest id. */
    public SendOutcome sendDigest(DigestTask digest) {
        return post(digest.webhookUrl(), digest.webhookSecrets(), digest.digestId().toString(),
                write(DigestPayload.of(digest)));
    }

    private SendOutcome post(String target, List<String> secrets, String id, String body) {
        long start = System.nanoTime();
        URI url = URI.create(target);
        WebhookAddressPolicy.Target checked = policy.resolve(url);
        if (checked.refused()) {
            return SendOutcome.failed(null, "target refused: " + checked.refusal(), millisSince(start));
        }
        boolean https = "https".equals(url.getScheme().toLowerCase(Locale.ROOT));
        int port = url.getPort() >= 0 ? url.getPort() : https ? 443 : 80;
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
                : url.getHost();
        long timestamp = System.currentTimeMillis() / 1000;
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                // connect here, to the address just checked, and nowhere else; as an address literal it
                // is also the key of the connection pool
                .setServer(SocketAddress.inetSocketAddress(port, checked.address().getHostAddress()))
                .setHost(host)
                .setPort(port)
                .setSsl(https)
                .setURI(pathAndQuery(url))
                .setFollowRedirects(false)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "Alertwire-Webhooks/1")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSigner.sign(secrets, id, timestamp, body));
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        CompletableFuture<Answer> call = exchange(options, body, request)
                // a kept-alive connection the receiver closed just as the call went out: once more, on
                // another connection (same webhook-id, so a receiver that did get it drops the repeat)
                .recover(error -> connectionLost(error) ? exchange(options, body, request) : Future.failedFuture(error))
                .toCompletionStage().toCompletableFuture();
        try {
            // the whole exchange, an error's body included, gets the timeout: a receiver may trickle its answer
            Answer answer = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return outcome(answer, millisSince(start));
        } catch (TimeoutException e) {
            abort(request.get());
            return SendOutcome.failed(null, "no answer within " + timeout.toSeconds() + " s", millisSince(start));
        } catch (ExecutionException e) {
            return SendOutcome.failed(null, networkError(e.getCause()), millisSince(start));
        } catch (InterruptedException e) {
            abort(request.get());
            Thread.currentThread().interrupt();
            return SendOutcome.failed(null, "interrupted while sending", millisSince(start));
        } finally {
            LOG.debugf("Delivery %s: webhook call to host %s done", id, host);
        }
    }

    private Future<Answer> exchange(RequestOptions options, String body, AtomicReference<HttpClientRequest> request) {
        return client.request(options)
                .compose(r -> {
                    request.set(r);
                    return r.send(Buffer.buffer(body));
                })
                .compose(this::read);
    }

    /** Whether the connection went away before an answer came: what a receiver closing an idle connection causes. */
    private static boolean connectionLost(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpClosedException || t instanceof ClosedChannelException
                    || t instanceof SocketException && String.valueOf(t.getMessage()).contains("reset")) {
                return true;
            }
        }
        return false;
    }

    /** A receiver's status, headers and at most the first {@link CappedBody#CAP} bytes of its body. */
    private record Answer(int status, MultiMap headers, byte[] body) {
    }

    /**
     * Reads the answer to its end, keeping at most {@link CappedBody#CAP} bytes of an error's body (nothing
     * of a 2xx body, whose status alone counts and is returned at once), so that the connection can serve
     * the next call. A body longer than the cap, or still coming after the timeout, is not read further:
     * the connection is closed instead, since an answer may be endless.
     */
    private Future<Answer> read(HttpClientResponse response) {
        boolean delivered = response.statusCode() / 100 == 2;
        Promise<Answer> answer = Promise.promise();
        Buffer kept = Buffer.buffer();
        long[] length = {0};
        HttpConnection connection = response.request().connection();
        long guard = vertx.setTimer(timeout.toMillis(), id -> connection.close());
        Runnable complete = () -> answer.tryComplete(
                new Answer(response.statusCode(), response.headers(), kept.getBytes()));
        if (delivered) {
            complete.run();
        }
        try {
            response.handler(chunk -> {
                if (length[0] > CappedBody.CAP) {
                    return; // hung up already
                }
                if (!delivered) {
                    kept.appendBuffer(chunk, 0, (int) Math.min(chunk.length(), CappedBody.CAP - kept.length()));
                }
                length[0] += chunk.length();
                if (length[0] > CappedBody.CAP) {
                    vertx.cancelTimer(guard);
                    complete.run();
                    connection.close();
                }
            });
            response.endHandler(v -> {
                vertx.cancelTimer(guard);
                complete.run();
            });
            response.exceptionHandler(error -> {
                vertx.cancelTimer(guard);
                answer.tryFail(error);
            });
        } catch (IllegalStateException alreadyEnded) {
            // an answer without a body (a 204, say) may have ended before it got here: it is complete
            vertx.cancelTimer(guard);
            complete.run();
        }
        return answer.future();
    }

    private static void abort(HttpClientRequest request) {
        if (request != null) {
            request.reset();
        }
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private SendOutcome outcome(Answer response, long took) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return SendOutcome.sent(status, took);
        }
        String excerpt = CappedBody.excerpt(response.body());
        String said = excerpt.isEmpty() ? "" : ": " + excerpt;
        if (status >= 300 && status < 400) {
            return SendOutcome.failed(status, "HTTP " + status + ": redirects are not followed; subscribe the final URL",
                    took);
        }
        if (status == 410) {
            return SendOutcome.gone(status, "HTTP 410 from the receiver: the endpoint is gone" + said, took);
        }
        if (status == 429 || status == 503) {
            String header = response.headers().get("Retry-After");
            Optional<Instant> at = RetryAfter.parse(header, Instant.now());
            if (at.isPresent()) {
                return SendOutcome.retryAfter(status, "HTTP " + status + " from the receiver (Retry-After: "
                        + header.strip() + ")" + said, took, at.get());
            }
        }
        return SendOutcome.failed(status, "HTTP " + status + " from the receiver" + said, took);
    }

    private String networkError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused or unreachable";
            }
            if (t instanceof SSLException) {
                return "TLS failed: " + readable(t);
            }
        }
        return "network error: " + readable(error);
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write webhook JSON", e);
        }
    }

    private static String readable(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "the connection failed" : e.getMessage();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
