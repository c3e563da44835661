package io.alertwire.benchmark.fetch;

import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * Load harness for fetch-service; run by {@code benchmarks/fetch/run.sh}, documented in
 * {@code docs/benchmarks.md}. In order:
 * <ol>
 * <li>starts an embedded PostgreSQL, an in-JVM Kafka broker, {@link FeedFarm} with 10,000 feeds on
 * 100 loopback ports, and the packaged service (loopback allowed for this run only, by
 * {@code ALERTWIRE_FETCH_ALLOWED_NETWORKS=127.0.0.1/32});</li>
 * <li>imports the feeds as sources (OPML, poll interval 1 minute), disabled so that polling does
 * not compete with the import, then enables them all at once and times the first round, in which
 * every feed is new;</li>
 * <li>throughput rounds: once the last round's fetches have ended, makes every source due at once (in
 * the database) and times how long the service takes to poll every one of them, conditional GETs
 * answered 304 by nine feeds in ten; reports the CPU used per poll, and the statements PostgreSQL
 * spent its time on (pg_stat_statements);</li>
 * <li>steady phase: the sources, spread over a minute, poll on their 1-minute schedule while random feeds gain an item,
 * and each item's latency is taken from the change (and from the fetch that found it) to its
 * arrival on Kafka;</li>
 * <li>push phase: the harness's WebSub hub, to which the service subscribed the feeds that name it,
 * pushes feeds that gained an item, and each item's latency is taken from the push to Kafka;</li>
 * <li>prints the report; the service's RSS is sampled from /proc throughout.</li>
 * </ol>
 */
public final class FetchBenchmark {

    /** The first round, when every feed is new, publishes every item. */
    private static final Duration FIRST_ROUND_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(5);
    /** Alertwire's OPML attributes (pollInterval, enabled), as the service's OPML export writes them. */
    private static final String ALERTWIRE_OPML_NAMESPACE = "https://alertwire.io/ns/opml";

    private final int sources = setting("BENCH_SOURCES", 10_000);
    private final int hosts = setting("BENCH_HOSTS", 100);
    private final int rounds = setting("BENCH_ROUNDS", 3);
    private final int steadySeconds = setting("BENCH_STEADY_SECONDS", 90);
    private final int changesPerSecond = setting("BENCH_CHANGES_PER_SECOND", 2);
    /** Feeds that name the harness's WebSub hub; the steady phase leaves them to the push phase. */
    private final int pushedFeeds = setting("BENCH_PUSHED_FEEDS", 100);
    private final int pushes = setting("BENCH_PUSHES", 60);
    private final int pushesPerSecond = setting("BENCH_PUSHES_PER_SECOND", 2);
    /** The service's JVM options: those of its container image unless FETCH_JAVA_OPTS is set. */
    private final String javaOptionsOverride = System.getenv().getOrDefault("FETCH_JAVA_OPTS", "");
    /** The packaged service to run: this checkout's unless BENCH_FETCH_APP names another quarkus-app folder. */
    private final String serviceApp = System.getenv().getOrDefault("BENCH_FETCH_APP", "");
    private final List<Long> rssSamples = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws Exception {
        new FetchBenchmark().run(repositoryRoot());
        System.exit(0); // the in-JVM broker leaves non-daemon threads behind
    }

    private static int setting(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    private void run(Path root) throws Exception {
        Path work = root.resolve("benchmarks/fetch/target/run");
        Files.createDirectories(work);
        // pg_stat_statements: the report says which statements the database's time goes to
        PostgresDatabase postgres = new PostgresDatabase(Map.of("shared_preload_libraries", "pg_stat_statements"));
        KafkaBroker kafka = new KafkaBroker();
        Map<String, String> database = postgres.start();
        execute(database, "CREATE EXTENSION pg_stat_statements");
        String bootstrap = kafka.start().get("kafka.bootstrap.servers");
        String token = UUID.randomUUID().toString();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", database.get("quarkus.datasource.jdbc.url"));
        environment.put("QUARKUS_DATASOURCE_USERNAME", database.get("quarkus.datasource.username"));
        environment.put("QUARKUS_DATASOURCE_PASSWORD", database.get("quarkus.datasource.password"));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        environment.put("ALERTWIRE_ADMIN_TOKEN", token);
        // the farm is on loopback: allowed for this run only, and only 127.0.0.1
        environment.put("ALERTWIRE_FETCH_ALLOWED_NETWORKS", "127.0.0.1/32");
        environment.put("ALERTWIRE_FETCH_DEFAULT_POLL_INTERVAL", "PT1M");
        // a fixed 1-minute schedule: adapting, the unchanged feeds of the throughput rounds would drift to
        // intervals of several minutes and the steady phase would see next to no polls
        environment.put("ALERTWIRE_FETCH_ADAPTIVE_POLL_INTERVAL", "false");
        environment.put("ALERTWIRE_FETCH_MAX_IMPORT_BYTES", String.valueOf(8 * 1024 * 1024));
        environment.put("QUARKUS_LOG_CATEGORY__IO_ALERTWIRE__LEVEL", "WARN"); // one INFO line per new item otherwise
        ProductionJvm production = ProductionJvm.of(root.resolve("services/fetch/src/main/resources/application.properties"));
        environment.putAll(production.environment());
        String javaOptions = javaOptionsOverride.isBlank() ? String.join(" ", production.options()) : javaOptionsOverride;
        Path app = serviceApp.isBlank() ? root.resolve("services/fetch/target/quarkus-app") : Path.of(serviceApp);

        try (LoopbackHub hub = new LoopbackHub();
                FeedFarm farm = new FeedFarm(sources, hosts, hub.url(), pushedFeeds);
                ArticleArrivals arrivals = new ArticleArrivals(bootstrap);
                FetchProcess fetch = FetchProcess.start(app.resolve("quarkus-run.jar"), javaOptions,
                        environment, work.resolve("fetch.log"))) {
            Thread sampler = startRssSampler(fetch);
            fetch.awaitReady(Duration.ofMinutes(3));
            line("machine: %d cores, %s %s; service %s, JVM options: '%s', environment: %s; %d sources on %d "
                    + "loopback hosts, 9 in 10 answer 304 to conditional GETs", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version"), app, javaOptions,
                    production.environment(), sources, hosts);
            line("service pid %d, RSS after start %d MiB", fetch.pid(), fetch.rssKib() / 1024);

            long imported = System.nanoTime();
            importSources(fetch, token, farm);
            line("imported %d sources (disabled, so that no polling competes with the import) in %.1f s", sources,
                    seconds(System.nanoTime() - imported));
            long firstStart = System.nanoTime();
            farm.startRound(firstStart);
            enableAll(database);
            double first = timeRound(farm::requestedInRound, firstStart, FIRST_ROUND_TIMEOUT);
            line("first round (every feed new, %d articles published): %.0f polls/s", arrivals.records(), first);

            long postmaster = postmasterPid(database);
            List<Double> rates = new ArrayList<>();
            List<Double> serviceCpu = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                quiesce(database, farm);
                long notModifiedBefore = farm.notModified();
                execute(database, "SELECT pg_stat_statements_reset()");
                CpuSplit cpuBefore = CpuSplit.now(fetch.pid(), postmaster);
                long start = System.nanoTime();
                farm.startRound(start);
                makeAllDue(database);
                double rate = timeRound(farm::requestedInRound, start, ROUND_TIMEOUT);
                CpuSplit cpu = CpuSplit.now(fetch.pid(), postmaster).minus(cpuBefore);
                rates.add(rate);
                serviceCpu.add((double) cpu.service() / sources);
                line("throughput round %d: %.0f polls/s (%d of %d answered 304); CPU per poll: service %.2f ms, "
                        + "PostgreSQL %.2f ms, harness (farm, Kafka broker) %.2f ms", round, rate,
                        farm.notModified() - notModifiedBefore, sources, (double) cpu.service() / sources,
                        (double) cpu.postgres() / sources, (double) cpu.harness() / sources);
                line("  polled last: %s", farm.lastOfRound(3));
            }
            line("the last round's statements, by PostgreSQL execution time (pg_stat_statements):%n%s",
                    topStatements(database));
            line("polls per second, median of %d rounds: %.0f; service CPU per poll, median: %.2f ms (%.0f polls per "
                    + "CPU-second)", rounds, median(rates), median(serviceCpu), 1000 / median(serviceCpu));

            int rssFrom = rssSamples.size();
            spreadOverOneMinute(database);
            steadyPhase(farm, arrivals);
            pushPhase(farm, hub, arrivals);
            List<Long> steadyRss = new ArrayList<>(rssSamples.subList(rssFrom, rssSamples.size()));
            line("RSS of the service during the steady phase: median %d MiB, max %d MiB; max over the whole run %d MiB",
                    percentile(steadyRss, 50) / 1024, percentile(steadyRss, 100) / 1024,
                    percentile(new ArrayList<>(rssSamples), 100) / 1024);
            sampler.interrupt();
        } finally {
            kafka.stop();
            postgres.stop();
        }
        Files.writeString(work.resolve("report.txt"), report, StandardCharsets.UTF_8);
        System.out.println("report written to " + work.resolve("report.txt"));
    }

    private Thread startRssSampler(FetchProcess fetch) {
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long rss = fetch.rssKib();
                if (rss > 0) {
                    synchronized (rssSamples) {
                        rssSamples.add(rss);
                    }
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    private void importSources(FetchProcess fetch, String token, FeedFarm farm) throws IOException, InterruptedException {
        StringBuilder opml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\" "
                + "xmlns:alertwire=\"" + ALERTWIRE_OPML_NAMESPACE + "\"><head><title>benchmark</title></head><body>\n");
        for (int i = 0; i < farm.size(); i++) {
            opml.append("<outline type=\"rss\" text=\"feed ").append(i).append("\" xmlUrl=\"")
                    .append(farm.feedUrl(i)).append("\" alertwire:enabled=\"false\"/>\n");
        }
        opml.append("</body></opml>\n");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(fetch.baseUrl() + "/api/sources/import"))
                .timeout(Duration.ofMinutes(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/x-opml")
                .POST(HttpRequest.BodyPublishers.ofString(opml.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Waits until every feed has been requested (repeats count once); polls per second. */
    private double timeRound(IntSupplier polled, long startNanos, Duration timeout) throws InterruptedException {
        long deadline = startNanos + timeout.toNanos();
        while (polled.getAsInt() < sources) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("round not finished within " + timeout + ": "
                        + polled.getAsInt() + " of " + sources + " polled");
            }
            Thread.sleep(20);
        }
        return sources / seconds(System.nanoTime() - startNanos);
    }

    /**
     * Ends the last round before the next starts: no source is due for an hour, then the farm waits
     * until no feed has been requested for 2 s. Otherwise a fetch still in flight when the next round
     * makes every source due would record its schedule (a minute later) over it, and that round
     * would wait a minute for the source.
     */
    private static void quiesce(Map<String, String> database, FeedFarm farm) throws SQLException, InterruptedException {
        execute(database, "UPDATE source SET next_fetch_at = now() + interval '1 hour'");
        long seen = farm.feedRequests();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos()) {
            Thread.sleep(100);
            long now = farm.feedRequests();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            }
        }
        Thread.sleep(500); // the last fetches' outcomes are written just after their requests
    }

    /** The statements PostgreSQL spent most execution time on since the last reset, one per line. */
    private static String topStatements(Map<String, String> database) throws SQLException {
        StringBuilder table = new StringBuilder();
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery("""
                        SELECT calls, total_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
                        FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 8""")) {
            while (rows.next()) {
                table.append(String.format("  %7d calls %8.0f ms %7d rows  %s%n", rows.getLong(1), rows.getDouble(2),
                        rows.getLong(3), rows.getString(4)));
            }
        }
        return table.toString();
    }

    /**
     * After the rounds every source is due at about the same moment; spread over the interval, they
     * poll as a steady 1-minute schedule does (sources / 60 polls per second).
     */
    private static void spreadOverOneMinute(Map<String, String> database) throws SQLException {
        execute(database, "UPDATE source SET next_fetch_at = now() + random() * interval '60 seconds'");
    }

    /** Runs one statement on the service's database (the harness owns it). */
    private static void execute(Map<String, String> database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(Map<String, String> database) throws SQLException {
        return DriverManager.getConnection(database.get("quarkus.datasource.jdbc.url"),
                database.get("quarkus.datasource.username"), database.get("quarkus.datasource.password"));
    }

    /** The PostgreSQL server's main process: the parent of the backend serving this connection. */
    private static long postmasterPid(Map<String, String> database) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return CpuTime.parent(row.getLong(1));
        }
    }

    /** CPU used so far, in milliseconds, by the service, the database and this harness (farm and broker). */
    private record CpuSplit(long service, long postgres, long harness) {

        static CpuSplit now(long servicePid, long postmasterPid) {
            return new CpuSplit(CpuTime.millis(servicePid, false), CpuTime.postgresMillis(postmasterPid),
                    CpuTime.millis(ProcessHandle.current().pid(), false));
        }

        CpuSplit minus(CpuSplit before) {
            return new CpuSplit(service - before.service, postgres - before.postgres, harness - before.harness);
        }
    }

    /** Turns the imported sources on, all due at once: the first round, in which every feed is new. */
    private static void enableAll(Map<String, String> database) throws SQLException {
        execute(database, "UPDATE source SET enabled = true, next_fetch_at = now()");
    }

    /** What an overdue backlog looks like: every source due now (the harness owns the database). */
    private static void makeAllDue(Map<String, String> database) throws SQLException {
        execute(database, "UPDATE source SET next_fetch_at = now()");
    }

    private void steadyPhase(FeedFarm farm, ArticleArrivals arrivals) throws InterruptedException {
        Map<String, Long> changed = new LinkedHashMap<>();
        long requestsBefore = farm.feedRequests();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(steadySeconds).toNanos();
        long interval = 1_000_000_000L / changesPerSecond;
        for (long next = start; next < end; next += interval) {
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            // not a pushed feed: their sources poll only every few hours while the hub pushes
            changed.put(farm.change(ThreadLocalRandom.current().nextInt(Math.min(pushedFeeds, farm.size() - 1), farm.size())), System.nanoTime());
        }
        double steadyRate = (farm.feedRequests() - requestsBefore) / seconds(System.nanoTime() - start);
        // every change is found at the source's next poll, at most a minute later
        long wait = System.nanoTime() + Duration.ofSeconds(75).toNanos();
        while (System.nanoTime() < wait && changed.keySet().stream().anyMatch(url -> arrivals.arrivedAt(url) == null)) {
            Thread.sleep(200);
        }
        List<Long> fromChange = new ArrayList<>();
        List<Long> fromFetch = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<String, Long> change : changed.entrySet()) {
            Long arrived = arrivals.arrivedAt(change.getKey());
            Long served = farm.firstServed(change.getKey());
            if (arrived == null) {
                missing++;
                continue;
            }
            fromChange.add(arrived - change.getValue());
            if (served != null) {
                fromFetch.add(arrived - served);
            }
        }
        line("steady phase: %d s at the sources' 1-minute interval, %.0f polls/s, %d feeds changed, %d items not on "
                + "Kafka within 75 s", steadySeconds, steadyRate, changed.size(), missing);
        line("new-item latency, feed changed -> article on Kafka: p50 %.1f s, p99 %.1f s (bounded by the 1-minute "
                + "poll interval)", percentile(fromChange, 50) / 1e9, percentile(fromChange, 99) / 1e9);
        line("new-item latency, feed fetched -> article on Kafka: p50 %.0f ms, p99 %.0f ms",
                percentile(fromFetch, 50) / 1e6, percentile(fromFetch, 99) / 1e6);
    }

    /**
     * Pushes: the hub sends feeds that gained an item to the service (signed with the subscription's
     * secret), and each item's latency is taken from the push to its arrival on Kafka.
     */
    private void pushPhase(FeedFarm farm, LoopbackHub hub, ArticleArrivals arrivals)
            throws IOException, InterruptedException {
        List<Integer> subscribed = new ArrayList<>();
        for (int i = 0; i < pushedFeeds; i++) {
            if (hub.subscribed(farm.feedUrl(i))) {
                subscribed.add(i);
            }
        }
        if (subscribed.isEmpty()) {
            line("push phase skipped: none of the %d feeds that name a hub got a verified subscription", pushedFeeds);
            return;
        }
        Map<String, Long> pushed = new LinkedHashMap<>();
        int refused = 0;
        for (int n = 0; n < pushes; n++) {
            int feed = subscribed.get(n % subscribed.size());
            String item = farm.change(feed);
            long at = System.nanoTime();
            if (hub.push(farm.feedUrl(feed), farm.body(feed)) / 100 != 2) {
                refused++;
            }
            pushed.put(item, at);
            Thread.sleep(1000 / pushesPerSecond);
        }
        long wait = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < wait && pushed.keySet().stream().anyMatch(url -> arrivals.arrivedAt(url) == null)) {
            Thread.sleep(100);
        }
        List<Long> latencies = new ArrayList<>();
        pushed.forEach((url, at) -> {
            Long arrived = arrivals.arrivedAt(url);
            if (arrived != null) {
                latencies.add(arrived - at);
            }
        });
        line("WebSub: %d of %d feeds naming the hub subscribed (verified by the harness's hub); %d pushes at %d/s, "
                + "%d refused, %d not on Kafka within 10 s", subscribed.size(), pushedFeeds, pushes, pushesPerSecond,
                refused, pushes - latencies.size());
        line("new-item latency, WebSub push -> article on Kafka: p50 %.0f ms, p99 %.0f ms",
                percentile(latencies, 50) / 1e6, percentile(latencies, 99) / 1e6);
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println("[" + Instant.now() + "] " + text);
        report.append(text).append('\n');
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Nearest-rank percentile; 0 for no values. */
    private static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static Path repositoryRoot() {
        String configured = System.getProperty("alertwire.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("services/fetch"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the repository, or set -Dalertwire.root");
    }
}
