package io.alertwire.fetch.websub;

import io.alertwire.fetch.net.AddressPolicy;
import io.alertwire.fetch.net.ForbiddenAddressException;
import io.alertwire.fetch.poll.PollConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends subscription requests to hubs: {@code POST} of a form with {@code hub.mode},
 * {@code hub.topic}, {@code hub.callback}, {@code hub.secret} and {@code hub.lease_seconds}. A hub
 * is checked by the same {@link AddressPolicy} as a feed, so a feed cannot name a "hub" inside the
 * private network and make the service post to it; redirects are not followed (a hub has no reason
 * to redirect a POST, and following one would skip that check).
 */
@ApplicationScoped
public class HubClient {

    private final AddressPolicy addressPolicy;
    private final PollConfig config;
    private final HttpClient client;

    public HubClient(AddressPolicy addressPolicy, PollConfig config) {
        this.addressPolicy = addressPolicy;
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Asks the hub for a subscription.
     *
     * @return null when the hub accepted the request (2xx; it verifies through the callback), else
     *         a readable reason
     */
    public String subscribe(URI hub, String topic, String callback, String secret, Duration lease) {
        try {
            addressPolicy.check(hub);
        } catch (ForbiddenAddressException e) {
            return "hub address not allowed: " + e.getMessage();
        } catch (UnknownHostException e) {
            return "hub host not found: " + hub.getHost();
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", "subscribe");
        form.put("hub.topic", topic);
        form.put("hub.callback", callback);
        form.put("hub.secret", secret);
        form.put("hub.lease_seconds", String.valueOf(lease.toSeconds()));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(hub)
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", config.userAgent())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            // the body of an answer is not needed and not read
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status <= 299 ? null : "hub answered HTTP " + status;
        } catch (java.net.http.HttpConnectTimeoutException e) {
            return "hub unreachable: could not connect within " + config.connectTimeout().toSeconds() + " s";
        } catch (java.net.http.HttpTimeoutException e) {
            return "hub did not answer within " + config.requestTimeout().toSeconds() + " s";
        } catch (java.net.ConnectException e) {
            return "hub unreachable: connection refused";
        } catch (javax.net.ssl.SSLException e) {
            return "hub unreachable: TLS error";
        } catch (IOException e) {
            return "hub unreachable: network error";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
