package io.alertwire.notifier.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertwire.notifier.delivery.DeliveryTask;
import io.alertwire.notifier.delivery.SendOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * POSTs an alert to a subscriber's URL, signed per Standard Webhooks. Only a 2xx answer counts as
 * delivered; redirects are not followed (a redirect could lead to an address the policy refuses).
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

    public SendOutcome send(DeliveryTask task) {
        long start = System.nanoTime();
        URI url = URI.create(task.webhookUrl());
        Optional<String> refused = policy.check(url);
        if (refused.isPresent()) {
            return SendOutcome.failed(null, "target refused: " + refused.get(), millisSince(start));
        }
        String body = body(task);
        String id = task.deliveryId().toString();
        long timestamp = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Alertwire-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(task.webhookSecret(), id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // the answer's body is of no interest and may be endless: drop it unread
            response.body().close();
            int status = response.statusCode();
            long took = millisSince(start);
            if (status >= 200 && status < 300) {
                return SendOutcome.sent(status, took);
            }
            String error = status >= 300 && status < 400
                    ? "HTTP " + status + ": redirects are not followed; subscribe the final URL"
                    : "HTTP " + status + " from the receiver";
            return SendOutcome.failed(status, error, took);
        } catch (HttpTimeoutException e) {
            return SendOutcome.failed(null, "no answer within " + timeout.toSeconds() + " s", millisSince(start));
        } catch (ConnectException e) {
            return SendOutcome.failed(null, "connection refused or unreachable", millisSince(start));
        } catch (IOException e) {
            return SendOutcome.failed(null, "network error: " + readable(e), millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.failed(null, "interrupted while sending", millisSince(start));
        } finally {
            LOG.debugf("Delivery %s: webhook call to host %s done", id, url.getHost());
        }
    }

    private String body(DeliveryTask task) {
        try {
            return json.writeValueAsString(new WebhookPayload(WebhookPayload.ALERT_CREATED, task.deliveryId(),
                    task.createdAt(), task.subscriptionId(), task.topics(), task.story()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write webhook JSON", e);
        }
    }

    private static String readable(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "the connection failed" : e.getMessage();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
