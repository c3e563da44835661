package io.alertwire.fetch.websub;

import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WebSub hub for tests, on a real HTTP server: it records the subscription requests it gets and
 * answers them with the status a test chose per path; the test then makes it call the running
 * service back (verification, pushes) the way a hub does. The service's public base URL in
 * {@code %test} is mapped onto the test's random port, as a reverse proxy in front of it would.
 */
final class TestHub implements AutoCloseable {

    static final String PUBLIC_BASE_URL = "http://fetch.alertwire.test";

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> statusByPath = new java.util.concurrent.ConcurrentHashMap<>();

    TestHub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = form(body);
            form.put("path", exchange.getRequestURI().getPath());
            form.put("contentType", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            requests.add(form);
            int status = statusByPath.getOrDefault(exchange.getRequestURI().getPath(), 202);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL of a hub at {@code path} on this server, answering subscription requests with {@code status}. */
    String hub(String path, int status) {
        statusByPath.put(path, status);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Subscription requests received so far for a topic. */
    List<Map<String, String>> requestsFor(String topic) {
        return requests.stream().filter(r -> topic.equals(r.get("hub.topic"))).toList();
    }

    /** Calls the subscription's callback for verification of intent, as the hub would. */
    HttpResponse<String> verify(Map<String, String> request, String mode, String topic, String challenge,
            Long leaseSeconds) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("hub.mode", mode);
        query.put("hub.topic", topic);
        if (challenge != null) {
            query.put("hub.challenge", challenge);
        }
        if (leaseSeconds != null) {
            query.put("hub.lease_seconds", String.valueOf(leaseSeconds));
        }
        StringBuilder url = new StringBuilder(local(request.get("hub.callback"))).append('?');
        query.forEach((key, value) -> url.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        return send(HttpRequest.newBuilder(URI.create(url.toString())).GET().build());
    }

    /** Tells the callback that the subscription is refused, with a reason. */
    HttpResponse<String> deny(Map<String, String> request, String topic, String reason) {
        String url = local(request.get("hub.callback")) + "?hub.mode=denied&hub.topic="
                + URLEncoder.encode(topic, StandardCharsets.UTF_8) + "&hub.reason="
                + URLEncoder.encode(reason, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** Pushes content to the subscription's callback, signed with {@code secret} by {@code method}. */
    HttpResponse<String> push(Map<String, String> request, String contentType, String body, String method,
            String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder push = HttpRequest.newBuilder(URI.create(local(request.get("hub.callback"))))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (method != null) {
            push.header("X-Hub-Signature", HubSignature.header(method, bytes, secret));
        }
        return send(push.build());
    }

    /** The callback on the running service: the public base URL replaced by the test's port. */
    static String local(String callback) {
        if (!callback.startsWith(PUBLIC_BASE_URL + "/")) {
            throw new IllegalArgumentException("callback not under the public base URL: " + callback);
        }
        return "http://localhost:" + RestAssured.port + callback.substring(PUBLIC_BASE_URL.length());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            form.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
