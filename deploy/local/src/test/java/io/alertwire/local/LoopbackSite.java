package io.alertwire.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The outside world of an end-to-end test, on loopback: news feeds to serve (under {@code /feeds/})
 * and a webhook receiver (under {@code /hooks/}) that keeps every call it gets.
 */
final class LoopbackSite implements AutoCloseable {

    /** One webhook call as received. */
    record WebhookCall(String id, String timestamp, String signature, String body) {
    }

    private final HttpServer server;
    private final Map<String, byte[]> feeds = new ConcurrentHashMap<>();
    private final List<WebhookCall> webhookCalls = new CopyOnWriteArrayList<>();

    private LoopbackSite(HttpServer server) {
        this.server = server;
    }

    static LoopbackSite start() throws IOException {
        LoopbackSite site = new LoopbackSite(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32));
        site.server.createContext("/feeds/", exchange -> {
            byte[] body = site.feeds.get(exchange.getRequestURI().getPath());
            try (exchange) {
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        site.server.createContext("/hooks/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                site.webhookCalls.add(new WebhookCall(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        site.server.start();
        return site;
    }

    /** {@code http://127.0.0.1:<port>} */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code body} at {@code path} (which starts with {@code /feeds/}); returns its URL. */
    String serveFeed(String path, byte[] body) {
        feeds.put(path, body);
        return baseUrl() + path;
    }

    /** Every webhook call received so far, in order of arrival (a live view). */
    List<WebhookCall> webhookCalls() {
        return webhookCalls;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Standard Webhooks: {@code v1,<base64 HMAC-SHA256(base64-decoded secret, id.timestamp.body)>}, possibly several. */
    static boolean signatureValid(String secret, WebhookCall call) throws GeneralSecurityException {
        if (call.id() == null || call.timestamp() == null || call.signature() == null) {
            return false;
        }
        long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(call.timestamp()));
        if (age > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((call.id() + "." + call.timestamp() + "." + call.body()).getBytes(StandardCharsets.UTF_8)));
        Set<String> given = Set.of(call.signature().trim().split("\\s+"));
        return given.contains("v1," + expected);
    }

    /** An RSS 2.0 feed of the given items. */
    static byte[] rss(String title, List<String> items) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>E2E feed " + title + "</title><link>http://127.0.0.1/</link><description>end-to-end test</description>"
                + String.join("", items) + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    /** One RSS item, published {@code minutesAgo}. */
    static String item(String url, String title, String text, int minutesAgo) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().minusSeconds(60L * minutesAgo).atOffset(ZoneOffset.UTC));
        return "<item><title>" + title.replace("&", "&amp;") + "</title><link>" + url + "</link><guid>" + url + "</guid>"
                + "<pubDate>" + date + "</pubDate><description>" + text + "</description></item>";
    }
}
