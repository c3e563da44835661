package io.alertwire.benchmark.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The feeds the benchmark's sources point at, served on loopback by several servers (one per
 * "host", each on its own port, since the service limits concurrent fetches per host and port).
 * Nine feeds in ten support conditional GET (ETag) and answer 304 while unchanged; the tenth
 * sends its whole body every time, as servers without validators do. A feed changes when the
 * harness adds an item to it; the farm notes when it first served that item. The first few feeds
 * name a WebSub hub (the harness's), so that the service subscribes to them and the hub can push.
 */
final class FeedFarm implements AutoCloseable {

    private static final int ITEMS_PER_FEED = 3;

    private final List<HttpServer> servers = new ArrayList<>();
    /** The hub the first {@code pushedFeeds} feeds name (WebSub), so that the service subscribes to them. */
    private final String hubUrl;
    private final int pushedFeeds;
    private final ExecutorService threads;
    private final Feed[] feeds;
    private final AtomicLong feedRequests = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    /** Per feed, when it was first requested since the round began (System.nanoTime), 0 if not yet. */
    private final AtomicLongArray firstInRound;
    private volatile long roundStart;
    /** New item URL to when the farm first served it (System.nanoTime). */
    private final Map<String, Long> firstServed = new ConcurrentHashMap<>();

    private final class Feed {
        final int index;
        final boolean conditional;
        volatile int version;
        volatile byte[] body;

        Feed(int index, boolean conditional) {
            this.index = index;
            this.conditional = conditional;
            render();
        }

        String etag() {
            return "\"v" + version + "\"";
        }

        void render() {
            String now = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
            StringBuilder xml = new StringBuilder(2048).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                    .append("<rss version=\"2.0\"><channel><title>Benchmark feed ").append(index)
                    .append("</title><link>https://bench.example/").append(index).append("/</link>")
                    .append("<description>load test</description><language>en</language>\n");
            if (index < pushedFeeds) {
                xml.append("<atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" rel=\"hub\" href=\"")
                        .append(hubUrl).append("\"/>\n");
            }
            for (int k = version; k > version - ITEMS_PER_FEED; k--) {
                xml.append("<item><title>Report ").append(k).append(" of feed ").append(index)
                        .append(" on inter-Korean talks</title><link>").append(itemUrl(index, k))
                        .append("</link><pubDate>").append(now).append("</pubDate><description>Officials of the ")
                        .append("two Koreas met at Panmunjom to discuss the liaison office and the hotline.")
                        .append("</description></item>\n");
            }
            body = xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    FeedFarm(int feedCount, int hostCount, String hubUrl, int pushedFeeds) throws IOException {
        this.hubUrl = hubUrl;
        this.pushedFeeds = pushedFeeds;
        threads = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "feed-farm");
            thread.setDaemon(true);
            return thread;
        });
        feeds = new Feed[feedCount];
        firstInRound = new AtomicLongArray(feedCount);
        for (int i = 0; i < feedCount; i++) {
            // feed i is on host i mod hosts; the feeds without ETag are one in ten on every host (not
            // every feed of one host in ten, which the per-host limit would make a slow tail of each round)
            feeds[i] = new Feed(i, (i / hostCount) % 10 != 0);
        }
        for (int h = 0; h < hostCount; h++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
            server.createContext("/", this::handle);
            server.setExecutor(threads);
            server.start();
            servers.add(server);
        }
    }

    static String itemUrl(int feed, int version) {
        return "https://bench.example/" + feed + "/items/" + version;
    }

    /** Feed i lives on host i mod hosts, so consecutive sources are on different hosts. */
    String feedUrl(int i) {
        return "http://127.0.0.1:" + servers.get(i % servers.size()).getAddress().getPort() + "/feeds/" + i + ".xml";
    }

    int size() {
        return feeds.length;
    }

    long feedRequests() {
        return feedRequests.get();
    }

    /** Starts counting which feeds are requested, from now (System.nanoTime). */
    void startRound(long nanoTime) {
        roundStart = nanoTime;
        for (int i = 0; i < feeds.length; i++) {
            firstInRound.set(i, 0);
        }
    }

    /** How many feeds were requested since the round began (repeats count once). */
    int requestedInRound() {
        int count = 0;
        for (int i = 0; i < feeds.length; i++) {
            if (firstInRound.get(i) != 0) {
                count++;
            }
        }
        return count;
    }

    /** The {@code n} feeds first requested last in this round, as "feed i (what it is) at +s". */
    String lastOfRound(int n) {
        return java.util.stream.IntStream.range(0, feeds.length).boxed()
                .sorted(java.util.Comparator.comparingLong((Integer i) -> firstInRound.get(i)).reversed())
                .limit(n)
                .map(i -> String.format("feed %d (%s%s) at +%.1f s", i, feeds[i].conditional ? "ETag" : "no ETag",
                        i < pushedFeeds ? ", names the hub" : "", (firstInRound.get(i) - roundStart) / 1e9))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    long notModified() {
        return notModified.get();
    }

    Long firstServed(String itemUrl) {
        return firstServed.get(itemUrl);
    }

    /** Feed i's current body, as the farm serves it (and a hub pushes it). */
    byte[] body(int i) {
        Feed feed = feeds[i];
        synchronized (feed) {
            return feed.body;
        }
    }

    /** Adds an item to feed i and returns its URL. */
    String change(int i) {
        Feed feed = feeds[i];
        synchronized (feed) {
            feed.version++;
            feed.render();
            return itemUrl(i, feed.version);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith("/feeds/") || !path.endsWith(".xml")) {
                exchange.sendResponseHeaders(404, -1); // robots.txt included: no rules
                return;
            }
            Feed feed = feeds[Integer.parseInt(path.substring("/feeds/".length(), path.length() - ".xml".length()))];
            feedRequests.incrementAndGet();
            firstInRound.compareAndSet(feed.index, 0, System.nanoTime());
            byte[] body;
            String etag;
            int version;
            synchronized (feed) {
                body = feed.body;
                etag = feed.etag();
                version = feed.version;
            }
            if (feed.conditional) {
                exchange.getResponseHeaders().set("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    notModified.incrementAndGet();
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            if (version > 0) {
                firstServed.putIfAbsent(itemUrl(feed.index, version), System.nanoTime());
            }
        }
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        threads.shutdownNow();
    }
}
