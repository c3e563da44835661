package io.alertwire.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny client for the services' admin APIs ({@code /api/**}, Bearer token, JSON), used to seed
 * the stack and by the end-to-end test.
 */
public final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP answer: status and parsed JSON body (a missing node when the body is not JSON). */
    public record Response(int status, JsonNode body, String raw) {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        public Response requireSuccess(String what) {
            if (!isSuccess()) {
                throw new IllegalStateException(what + " failed: HTTP " + status + " " + raw);
            }
            return this;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String token;

    public AdminApi(String token) {
        this.token = token;
    }

    public Response get(String url) {
        return send(request(url).GET().build());
    }

    public Response post(String url, Object body) {
        return send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body))).build());
    }

    /** A public page (no token), as a user's browser would open it. */
    public Response open(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /**
     * The items of a list answer, whether the API returns a bare array or a page object
     * ({@code items}, {@code content}, {@code data}, ...).
     */
    public static List<JsonNode> items(JsonNode body) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode array = body;
        if (!body.isArray()) {
            array = MissingNode.getInstance();
            for (String field : List.of("items", "content", "data", "results", "sources", "subscriptions", "topics")) {
                if (body.path(field).isArray()) {
                    array = body.path(field);
                    break;
                }
            }
        }
        array.forEach(items::add);
        return items;
    }

    public static String toJson(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
            } catch (IOException e) {
                body = MissingNode.getInstance();
            }
            return new Response(response.statusCode(), body, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
