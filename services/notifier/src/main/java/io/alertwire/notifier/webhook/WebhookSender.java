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
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
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
 * Connections are not kept alive, so no later call reuses a connection to an address checked
 * earlier.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int MAX_CONNECTIONS_PER_ENDPOINT = 32;

    private final WebhookAddressPolicy policy;
    private final ObjectMapper json;
    private final Duration timeout;
    private final HttpClient client;

    @Inject
    public WebhookSender(WebhookAddressPolicy policy, ObjectMapper json, WebhookConfig config, Vertx vertx) {
        this.policy = policy;
        this.json = json;
        this.timeout = config.timeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .setKeepAlive(false)
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
                // connect here, to the address just checked, and nowhere else
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(checked.address(), port)))
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
        CompletableFuture<Answer> call = client.request(options)
                .compose(r -> {
                    request.set(r);
                    return r.send(Buffer.buffer(body));
                })
                .compose(WebhookSender::read)
                .toCompletionStage().toCompletableFuture();
        try {
            // the whole exchange, body included, gets the timeout: a receiver may trickle its answer
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

    /** A receiver's status, headers and at most the first {@link CappedBody#CAP} bytes of its body. */
    private record Answer(int status, MultiMap headers, byte[] body) {
    }

    /** Reads at most a cap of the body (nothing of a 2xx answer), then hangs up: an answer may be endless. */
    private static Future<Answer> read(HttpClientResponse response) {
        int cap = response.statusCode() / 100 == 2 ? 0 : CappedBody.CAP;
        Promise<Answer> answer = Promise.promise();
        Buffer body = Buffer.buffer();
        Runnable done = () -> {
            if (answer.tryComplete(new Answer(response.statusCode(), response.headers(), body.getBytes()))) {
                response.request().connection().close();
            }
        };
        if (cap == 0) {
            done.run();
            return answer.future();
        }
        response.handler(chunk -> {
            int take = Math.min(chunk.length(), cap - body.length());
            if (take > 0) {
                body.appendBuffer(chunk, 0, take);
            }
            if (body.length() >= cap) {
                done.run();
            }
        });
        response.endHandler(v -> done.run());
        response.exceptionHandler(answer::tryFail);
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
