package io.alertwire.benchmark.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A WebSub hub on loopback for the push phase: it accepts the service's subscription requests,
 * verifies each as a hub does (a GET of the callback, which must echo the challenge), and pushes
 * feed bodies to verified subscribers, signed with their secret ({@code X-Hub-Signature: sha256=}).
 */
final class LoopbackHub implements AutoCloseable {

    private record Subscriber(String callback, String secret) {
    }

    private final HttpServer server;
    private final ExecutorService verifier = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "hub-verifier");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newHttpClient();
    /** Verified subscriptions by topic URL. */
    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();

    LoopbackHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    boolean subscribed(String topic) {
        return subscribers.containsKey(topic);
    }

    int subscriptions() {
        return subscribers.size();
    }

    /** Pushes a feed body to the topic's subscriber; the callback's HTTP status. */
    int push(String topic, byte[] body) throws IOException, InterruptedException {
        Subscriber subscriber = subscribers.get(topic);
        HttpRequest.Builder push = HttpRequest.newBuilder(URI.create(subscriber.callback()))
                .header("Content-Type", "application/rss+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (subscriber.secret() != null) {
            push.header("X-Hub-Signature", "sha256=" + hmacSha256(subscriber.secret(), body));
        }
        return client.send(push.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!"subscribe".equals(form.get("hub.mode")) || form.get("hub.callback") == null) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.sendResponseHeaders(202, -1);
            verifier.execute(() -> verify(form.get("hub.topic"), form.get("hub.callback"), form.get("hub.secret")));
        }
    }

    /** Verification of intent: the subscriber must answer the challenge. */
    private void verify(String topic, String callback, String secret) {
        String challenge = UUID.randomUUID().toString();
        String url = callback + (callback.contains("?") ? "&" : "?") + "hub.mode=subscribe&hub.topic="
                + URLEncoder.encode(topic, StandardCharsets.UTF_8) + "&hub.challenge=" + challenge
                + "&hub.lease_seconds=864000";
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 == 2 && challenge.equals(answer.body().strip())) {
                subscribers.put(topic, new Subscriber(callback, secret));
            }
        } catch (IOException e) {
            // not verified: the service asks again later
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
        verifier.shutdownNow();
    }
}
