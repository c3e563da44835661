package io.alertwire.fetch.hostile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A feed server that never finishes its body: {@code /endless} streams as fast as the client reads,
 * {@code /trickle} sends a few bytes per second. WireMock answers with whole bodies, so these two
 * need a server of their own. Both stop when the client hangs up, and in any case after a bounded
 * amount of data or time, so a test that goes wrong cannot leave them running.
 */
final class StreamingServer implements AutoCloseable {

    private static final long ENDLESS_CAP_BYTES = 256L * 1024 * 1024;
    private static final Duration TRICKLE_CAP = Duration.ofSeconds(60);
    private static final byte[] FEED_START = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
            + "<title>Never ends</title>").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "hostile-streaming-server");
        thread.setDaemon(true);
        return thread;
    });

    StreamingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/endless", this::endless);
        server.createContext("/trickle", this::trickle);
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void endless(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, 0); // chunked, no length: the body has no end
        byte[] item = "<item><title>again</title><link>https://endless.example.com/again</link></item>\n"
                .repeat(800).getBytes(StandardCharsets.UTF_8);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(FEED_START);
            for (long sent = 0; sent < ENDLESS_CAP_BYTES; sent += item.length) {
                body.write(item);
            }
        } catch (IOException clientGone) {
            // the fetcher hung up at its size limit, as it should
        }
    }

    private void trickle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, 0);
        long stopAt = System.nanoTime() + TRICKLE_CAP.toNanos();
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(FEED_START);
            body.flush();
            while (System.nanoTime() < stopAt) {
                body.write("<!-- -->".getBytes(StandardCharsets.UTF_8)); // 8 bytes every half second
                body.flush();
                Thread.sleep(500);
            }
        } catch (IOException clientGone) {
            // the fetcher hung up at its time limit, as it should
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
