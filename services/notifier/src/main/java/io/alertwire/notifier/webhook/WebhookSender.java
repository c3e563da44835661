package io.alertwire.notifier.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertwire.notifier.delivery.DeliveryTask;
import io.alertwire.notifier.delivery.DigestTask;
import io.alertwire.notifier.delivery.SendOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * POSTs an alert or a digest to a subscriber's URL, signed per Standard Webhooks. Only a 2xx answer counts as
 * delivered; redirects are not followed (a redirect could lead to an address the policy refuses).
 * Of an error answer at most 64 KiB are read and 200 characters kept in the error; a 410 says the
 * endpoint is gone, a 429 or 503 with {@code Retry-After} says when to come back.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final WebhookAddressPolicy policy;
    private final ObjectMapper json;
    private final Duration timeout;
    private final HttpClient client;

    public WebhookSender(WebhookAddressPolicy policy, ObjectMapper json, WebhookConfig config) {
        this.policy = policy;
        this.json = json;
        this.timeout = config.timeout();
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** POSTs one alert; its {@code webhook-id} is the delivery id. */
    public SendOutcome send(DeliveryTask task) {
        return post(task.webhookUrl(), task.webhookSecret(), task.deliveryId().toString(),
                write(new WebhookPayload(WebhookPayload.ALERT_CREATED, task.deliveryId(), task.createdAt(),
                        task.subscriptionId(), task.topics(), task.story())));
    }

    /** POSTs one digest; its {@code webhook-id} is the digest id. */
    public SendOutcome sendDigest(DigestTask digest) {
        return post(digest.webhookUrl(), digest.webhookSecret(), digest.digestId().toString(),
                write(DigestPayload.of(digest)));
    }

    private SendOutcome post(String target, String secret, String id, String body) {
        long start = System.nanoTime();
        URI url = URI.create(target);
        Optional<String> refused = policy.check(url);
        if (refused.isPresent()) {
            return SendOutcome.failed(null, "target refused: " + refused.get(), millisSince(start));
        }
        long timestamp = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Alertwire-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(secret, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request, CappedBody.handler());
        try {
            // the whole exchange, body included, gets the timeout: a receiver may trickle its answer
            HttpResponse<byte[]> response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return outcome(response, millisSince(start));
        } catch (TimeoutException e) {
            call.cancel(true);
            return SendOutcome.failed(null, "no answer within " + timeout.toSeconds() + " s", millisSince(start));
        } catch (ExecutionException e) {
            return SendOutcome.failed(null, networkError(e.getCause()), millisSince(start));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return SendOutcome.failed(null, "interrupted while sending", millisSince(start));
        } finally {
            LOG.debugf("Delivery %s: webhook call to host %s done", id, url.getHost());
        }
    }

    private SendOutcome outcome(HttpResponse<byte[]> response, long took) {
        int status = response.statusCode();
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
            String header = response.headers().firstValue("Retry-After").orElse(null);
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
            if (t instanceof HttpTimeoutException) {
                return "no answer within " + timeout.toSeconds() + " s";
            }
            if (t instanceof ConnectException) {
                return "connection refused or unreachable";
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
