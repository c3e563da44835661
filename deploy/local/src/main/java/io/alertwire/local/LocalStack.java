package io.alertwire.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-command local stack: PostgreSQL, Kafka and the SMTP sink in this JVM, the three services
 * as child processes from their packaged apps, the default sources and, with {@code --demo}, the
 * demo feeds and subscriptions. Started by {@code deploy/local/run.sh}; Ctrl-C runs the shutdown
 * hook, which stops everything in reverse order. The end-to-end test starts the same class with its
 * own settings.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofMinutes(3);
    public static final List<String> SERVICES = List.of("fetch", "classifier", "notifier");

    private final LocalStackSettings settings;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Object closeLock = new Object();
    private volatile boolean closing;
    private String token;
    private String notifierTokenSecret;
    private PostgresServer postgres;
    private KafkaNode kafka;
    private SmtpSink smtp;
    private DemoFeedServer demo;

    public LocalStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws InterruptedException {
        boolean demo = false;
        for (String arg : args) {
            switch (arg) {
                case "--demo" -> demo = true;
                case "-h", "--help" -> {
                    System.out.println("usage: deploy/local/run.sh [--demo]   (settings: see deploy/local/README.md)");
                    return;
                }
                default -> {
                    System.err.println("unknown argument: " + arg + " (usage: deploy/local/run.sh [--demo])");
                    System.exit(2);
                }
            }
        }
        LocalStack stack;
        try {
            stack = new LocalStack(LocalStackSettings.fromEnvironment(RepositoryRoot.locate(), System.getenv(), demo));
        } catch (RuntimeException e) {
            System.err.println("alertwire-local: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "alertwire-local-shutdown"));
        try {
            stack.start();
        } catch (StoppedDuringStartException e) {
            return; // Ctrl-C while starting: the shutdown hook is stopping what had started
        } catch (Exception e) {
            LOG.error("the local stack did not start: {}", e.getMessage());
            LOG.debug("start failure", e);
            System.exit(1);
        }
        stack.printSummary(System.out);
        new CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook stops everything
    }

    /** Starts every part in order; on failure, stops what was started and rethrows. */
    public void start() throws IOException {
        Instant began = Instant.now();
        try {
            startParts();
        } catch (IOException | RuntimeException e) {
            boolean stopped = closing;
            close();
            if (stopped) {
                throw new StoppedDuringStartException();
            }
            throw e;
        }
        LOG.info("local stack ready in {} s", Duration.between(began, Instant.now()).toSeconds());
    }

    private void startParts() throws IOException {
        Files.createDirectories(settings.dataDir());
        Files.createDirectories(settings.logsDir());
        token = StoredSecret.loadOrCreate(settings.tokenFile());
        notifierTokenSecret = StoredSecret.loadOrCreate(settings.dataDir().resolve("notifier-token-secret"));
        for (String name : SERVICES) {
            Path jar = ServiceProcess.jarOf(settings.root(), name);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(name + " is not built: " + jar + " is missing (run ./mvnw install -DskipTests)");
            }
        }
        LeftoverProcesses.stopAll(settings.dataDir(),
                SERVICES.stream().flatMap(name -> settings.instancesOf(name).stream()).toList());
        checkPortsFree();

        postgres = started(PostgresServer.start(settings.dataDir().resolve("postgres"), settings.postgresPort(),
                settings.logsDir().resolve("postgres.log"), SERVICES.stream().map(LocalStack::database).toList()));
        kafka = started(KafkaNode.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort()));
        smtp = started(SmtpSink.start(settings.smtpPort(), settings.mailDir()));
        if (settings.demo()) {
            demo = started(DemoFeedServer.start(settings.demoPort(), settings.webhooksDir()));
        }

        Set<Integer> taken = new HashSet<>();
        for (String name : SERVICES) {
            for (String instance : settings.instancesOf(name)) {
                // instance 1 on the configured port; further replicas (tests only) on free ones
                int port = instance.equals(name) ? port(name) : freePortOtherThan(taken);
                taken.add(port);
                ServiceProcess service = new ServiceProcess(name, instance, settings.root(), port, environment(name),
                        settings.serviceJavaOptions(), settings.dataDir());
                synchronized (services) {
                    services.put(instance, service);
                }
                // started before it is ready, so that Ctrl-C during start stops it too
                started(service);
                checkNotClosing();
                service.start();
            }
        }
        for (ServiceProcess service : services.values()) {
            checkNotClosing();
            service.awaitReady(SERVICE_READY_TIMEOUT);
        }

        checkNotClosing();
        AdminApi api = new AdminApi(token);
        if (settings.seedDefaultSources()) {
            DefaultSources.addIfNoSources(api, service("fetch").baseUrl());
        }
        if (demo != null) {
            new DemoSetup(api, service("fetch").baseUrl(), service("classifier").baseUrl(), service("notifier").baseUrl(),
                    demo, smtp).run();
        }
    }

    /** Each service's configuration, as environment variables (the shared runtime contract). */
    private Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database(name)));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("ALERTWIRE_ADMIN_TOKEN", token);
        switch (name) {
            // the demo feeds and test feeds are on loopback, which production refuses
            case "fetch" -> env.put("ALERTWIRE_FETCH_ALLOW_PRIVATE_ADDRESSES", "true");
            case "notifier" -> env.putAll(notifierEnvironment(settings.notifierPort(), settings.smtpPort(),
                    notifierTokenSecret));
            default -> {
            }
        }
        env.putAll(settings.serviceEnvironment());
        return env;
    }

    /** The notifier's own settings on a loopback stack (shared with {@link NotifierStack}). */
    static Map<String, String> notifierEnvironment(int notifierPort, int smtpPort, String tokenSecret) {
        Map<String, String> env = new LinkedHashMap<>();
        // the demo's and the tests' webhook receivers are on loopback, which production refuses
        env.put("ALERTWIRE_WEBHOOK_ALLOW_PRIVATE_ADDRESSES", "true");
        env.put("ALERTWIRE_NOTIFIER_PUBLIC_URL", "http://127.0.0.1:" + notifierPort);
        // signs confirmation and unsubscribe links: kept across runs so links already mailed still work
        env.put("ALERTWIRE_NOTIFIER_TOKEN_SECRET", tokenSecret);
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(smtpPort));
        env.put("QUARKUS_MAILER_MOCK", "false");
        return env;
    }

    private int freePortOtherThan(Set<Integer> taken) {
        Set<Integer> configured = new HashSet<>(List.of(settings.postgresPort(), settings.kafkaPort(),
                settings.kafkaControllerPort(), settings.smtpPort(), settings.fetchPort(), settings.classifierPort(),
                settings.notifierPort(), settings.demoPort()));
        while (true) {
            int port = Ports.free();
            if (!taken.contains(port) && !configured.contains(port)) {
                return port;
            }
        }
    }

    private int port(String name) {
        return switch (name) {
            case "fetch" -> settings.fetchPort();
            case "classifier" -> settings.classifierPort();
            case "notifier" -> settings.notifierPort();
            default -> throw new IllegalArgumentException(name);
        };
    }

    static String database(String service) {
        return "alertwire_" + service;
    }

    private void checkPortsFree() {
        Ports.requireFree("PostgreSQL", settings.postgresPort());
        Ports.requireFree("Kafka", settings.kafkaPort());
        Ports.requireFree("Kafka controller", settings.kafkaControllerPort());
        Ports.requireFree("SMTP", settings.smtpPort());
        Ports.requireFree("fetch", settings.fetchPort());
        Ports.requireFree("classifier", settings.classifierPort());
        Ports.requireFree("notifier", settings.notifierPort());
        if (settings.demo()) {
            Ports.requireFree("demo", settings.demoPort());
        }
    }

    private void checkNotClosing() {
        if (closing) {
            throw new StoppedDuringStartException();
        }
    }

    private <T extends AutoCloseable> T started(T part) {
        synchronized (running) {
            checkNotClosing();
            running.push(part);
        }
        return part;
    }

    /** An instance by its name: {@code notifier} is the notifier's first instance, {@code notifier-2} its second. */
    public ServiceProcess service(String name) {
        ServiceProcess service;
        synchronized (services) {
            service = services.get(name);
        }
        if (service == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return service;
    }

    /** Every instance of a service the stack started, instance 1 first: one, unless {@link LocalStackSettings#replicas} says more. */
    public List<ServiceProcess> instances(String service) {
        synchronized (services) {
            return services.values().stream().filter(s -> s.service().equals(service)).toList();
        }
    }

    public String adminToken() {
        return token;
    }

    public SmtpSink smtp() {
        return smtp;
    }

    public LocalStackSettings settings() {
        return settings;
    }

    public void printSummary(PrintStream out) {
        Path root = settings.root();
        out.println();
        out.println("Alertwire is running. Ctrl-C stops all of it.");
        out.printf("  fetch       %s   (sources: /api/sources)%n", service("fetch").baseUrl());
        out.printf("  classifier  %s   (topics: /api/topics)%n", service("classifier").baseUrl());
        out.printf("  notifier    %s   (subscriptions: /api/subscriptions)%n", service("notifier").baseUrl());
        out.println("              each: /q/health, /q/metrics, /q/openapi");
        out.printf("  admin token %s%n", token);
        out.printf("              (in %s; send Authorization: Bearer <token> to /api/**)%n", relative(root, settings.tokenFile()));
        out.printf("  Kafka       %s%n", kafka.bootstrapServers());
        out.printf("  PostgreSQL  jdbc:postgresql://127.0.0.1:%d/alertwire_{fetch,classifier,notifier} (user %s)%n",
                settings.postgresPort(), PostgresServer.USER);
        out.printf("  SMTP sink   127.0.0.1:%d, every mail saved as .eml in %s%n", settings.smtpPort(), relative(root, settings.mailDir()));
        out.printf("  logs        %s%n", relative(root, settings.logsDir()));
        if (demo != null) {
            out.printf("  demo feeds  %s, %s%n", demo.feedUrl(DemoFeedServer.FEEDS.get(0)), demo.feedUrl(DemoFeedServer.FEEDS.get(1)));
            out.printf("  demo alerts webhook calls saved as JSON in %s; mails to %s in %s%n",
                    relative(root, settings.webhooksDir()), DemoSetup.DEMO_ADDRESS, relative(root, settings.mailDir()));
        }
        out.println();
        out.flush();
    }

    private static Path relative(Path root, Path path) {
        return path.startsWith(root) ? root.relativize(path) : path;
    }

    /** Thrown by {@link #start} when the stack is closed (Ctrl-C) before it is ready. */
    public static final class StoppedDuringStartException extends IllegalStateException {
        StoppedDuringStartException() {
            super("stopped during start");
        }
    }

    /** Stops everything that was started, newest first; safe to call twice and from the shutdown hook. */
    @Override
    public void close() {
        closing = true;
        List<ServiceProcess> known;
        synchronized (services) {
            known = List.copyOf(services.values());
        }
        known.forEach(ServiceProcess::expectExit);
        // one closer at a time: the shutdown hook must not return while a failed start is still closing
        synchronized (closeLock) {
            closeAll();
        }
    }

    private void closeAll() {
        while (true) {
            AutoCloseable part;
            synchronized (running) {
                part = running.poll();
            }
            if (part == null) {
                return;
            }
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
