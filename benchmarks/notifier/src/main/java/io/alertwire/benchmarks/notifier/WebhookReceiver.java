package io.alertwire.benchmarks.notifier;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback webhook receiver that answers 204 at once and notes, per call, when it arrived and
 * how long after its match was produced (the harness writes the produce time into the story id).
 */
final class WebhookReceiver implements AutoCloseable {

    /** {@code "id":"bench-<phase>-<seq>-<epoch millis the match was produced>"} inside the story. */
    private static final Pattern STORY = Pattern.compile("\"id\":\"bench-[a-z0-9]+-\\d+-(\\d+)\"");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final AtomicLong calls = new AtomicLong();
    private volatile long firstAt;
    private volatile long lastAt;
    private final ConcurrentLinkedQueue<Long> latenciesMillis = new ConcurrentLinkedQueue<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(threads);
        server.createContext("/hooks/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                long now = System.currentTimeMillis();
                Matcher m = STORY.matcher(body);
                if (m.find()) {
                    latenciesMillis.add(now - Long.parseLong(m.group(1)));
                }
                if (calls.incrementAndGet() == 1) {
                    firstAt = now;
                }
                lastAt = now;
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + path;
    }

    /** Forgets what was received, for the next phase. */
    void reset() {
        calls.set(0);
        latenciesMillis.clear();
        firstAt = 0;
        lastAt = 0;
    }

    long calls() {
        return calls.get();
    }

    long firstAt() {
        return firstAt;
    }

    long lastAt() {
        return lastAt;
    }

    long[] latenciesMillis() {
        return latenciesMillis.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
