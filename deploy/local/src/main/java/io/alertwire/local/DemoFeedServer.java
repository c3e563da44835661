package io.alertwire.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The {@code --demo} server on loopback: two bundled sample feeds (RSS 2.0 and Atom 1.0, invented
 * items dated relative to the server's start), a page per item, and a webhook receiver that saves
 * each call's body as {@code <webhooks>/<webhook-id>.json}.
 */
public final class DemoFeedServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFeedServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(base|rfc822|iso)(?::(-?\\d+))?}}");

    /** The bundled feeds: path on the server, resource, content type, name used as the source name. */
    public record DemoFeed(String path, String resource, String contentType, String name) {
    }

    public static final List<DemoFeed> FEEDS = List.of(
            new DemoFeed("/demo/feeds/demo-wire.rss", "demo/demo-wire.rss.xml", "application/rss+xml; charset=utf-8",
                    "Alertwire Demo Wire (RSS)"),
            new DemoFeed("/demo/feeds/demo-journal.atom", "demo/demo-journal.atom.xml",
                    "application/atom+xml; charset=utf-8", "Alertwire Demo Journal (Atom)"));

    public static final String WEBHOOK_PATH = "/demo/webhook";

    private final HttpServer server;
    private final String baseUrl;
    private final Path webhooksDir;
    private final Map<String, byte[]> feeds = new HashMap<>();
    private final Map<String, String> articlePages = new HashMap<>();

    private DemoFeedServer(HttpServer server, String baseUrl, Path webhooksDir, Instant now) {
        this.server = server;
        this.baseUrl = baseUrl;
        this.webhooksDir = webhooksDir;
        for (DemoFeed feed : FEEDS) {
            String xml = render(readResource(feed.resource()), baseUrl, now);
            feeds.put(feed.path(), xml.getBytes(StandardCharsets.UTF_8));
            articlePages.putAll(articlePages(xml));
        }
    }

    public static DemoFeedServer start(int port, Path webhooksDir) throws IOException {
        Files.createDirectories(webhooksDir);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        DemoFeedServer demo = new DemoFeedServer(server, baseUrl, webhooksDir, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        server.createContext("/demo/feeds/", demo::serveFeed);
        server.createContext("/demo/articles/", demo::serveArticle);
        server.createContext(WEBHOOK_PATH, demo::receiveWebhook);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "demo-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        LOG.info("demo server ready at {} (webhook calls saved in {})", baseUrl, webhooksDir);
        return demo;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String feedUrl(DemoFeed feed) {
        return baseUrl + feed.path();
    }

    public String webhookUrl() {
        return baseUrl + WEBHOOK_PATH;
    }

    public Path webhooksDir() {
        return webhooksDir;
    }

    /** Fills the placeholders of a feed template: the server's address and times before {@code now}. */
    static String render(String template, String baseUrl, Instant now) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "base" -> baseUrl;
                case "rfc822" -> DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        now.plus(Long.parseLong(m.group(2)), ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC));
                default -> DateTimeFormatter.ISO_INSTANT.format(now.plus(Long.parseLong(m.group(2)), ChronoUnit.MINUTES));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String readResource(String name) {
        try (InputStream in = DemoFeedServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small HTML page per item (link -> title and text), for full-text extraction and for people. */
    private static Map<String, String> articlePages(String feedXml) {
        Map<String, String> pages = new HashMap<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(feedXml.getBytes(StandardCharsets.UTF_8)));
            for (String tag : List.of("item", "entry")) {
                NodeList items = doc.getElementsByTagNameNS("*", tag);
                for (int i = 0; i < items.getLength(); i++) {
                    Element item = (Element) items.item(i);
                    String title = text(item, "title");
                    String body = text(item, "description") + text(item, "summary");
                    String link = text(item, "link");
                    if (link.isEmpty()) {
                        Element atomLink = (Element) item.getElementsByTagNameNS("*", "link").item(0);
                        link = atomLink == null ? "" : atomLink.getAttribute("href");
                    }
                    String path = link.replaceFirst("^https?://[^/]+", "");
                    pages.put(path, "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
                            + "</title></head><body><article><h1>" + escape(title) + "</h1><p>" + escape(body)
                            + "</p><p><em>Invented for the Alertwire demo.</em></p></article></body></html>");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("bundled demo feed is not valid XML", e);
        }
        return pages;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagNameNS("*", tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private void serveFeed(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = feeds.get(path);
        DemoFeed feed = FEEDS.stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
        if (body == null || feed == null) {
            respond(exchange, 404, "text/plain", "no such demo feed".getBytes(StandardCharsets.UTF_8));
            return;
        }
        respond(exchange, 200, feed.contentType(), body);
    }

    private void serveArticle(HttpExchange exchange) throws IOException {
        String page = articlePages.get(exchange.getRequestURI().getPath());
        if (page == null) {
            respond(exchange, 404, "text/plain", "no such demo article".getBytes(StandardCharsets.UTF_8));
            return;
        }
        respond(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private void receiveWebhook(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "text/plain", "POST only".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String fileName = (id == null || id.isBlank() ? "no-id-" + System.currentTimeMillis() : id)
                .replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
        Files.write(webhooksDir.resolve(fileName), body);
        String title = "";
        try {
            JsonNode json = JSON.readTree(body);
            title = json.path("story").path("title").asText("");
        } catch (IOException e) {
            title = "(body is not JSON)";
        }
        LOG.info("webhook call {}: \"{}\" -> {}", id, title, fileName);
        respond(exchange, 204, null, new byte[0]);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        try (exchange) {
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        LOG.info("demo server stopped");
    }
}
