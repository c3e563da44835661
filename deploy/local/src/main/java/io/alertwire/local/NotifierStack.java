package io.alertwire.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notifier alone on loopback, for its crash tests and its load benchmark: an embedded
 * PostgreSQL with the notifier's database, a single-node Kafka broker, the SMTP sink, and the
 * packaged notifier as a child process, configured as {@link LocalStack} configures it. Unlike
 * the local stack it can start the notifier again with other settings (a crash test starts it
 * armed to halt, then without that).
 */
public final class NotifierStack implements AutoCloseable {

    private static final String DATABASE = LocalStack.database("notifier");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final Path root;
    private final Path dataDir;
    private final String javaOptions;
    private final Map<String, String> baseEnvironment = new LinkedHashMap<>();
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final int notifierPort = Ports.free();
    private final String adminToken;
    private KafkaNode kafka;
    private SmtpSink smtp;
    private ServiceProcess notifier;

    private NotifierStack(Path root, Path dataDir, String javaOptions, String adminToken) {
        this.root = root;
        this.dataDir = dataDir;
        this.javaOptions = javaOptions;
        this.adminToken = adminToken;
    }

    /**
     * Starts PostgreSQL, Kafka and the SMTP sink on free loopback ports, with their data under
     * {@code dataDir}; the notifier is started by {@link #startNotifier}.
     *
     * @param environment added to the notifier's environment on every start (e.g. shorter leases)
     */
    public static NotifierStack start(Path dataDir, String javaOptions, Map<String, String> environment)
            throws IOException {
        Path root = RepositoryRoot.locate();
        Path jar = ServiceProcess.jarOf(root, "notifier");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the notifier first");
        }
        Files.createDirectories(dataDir);
        NotifierStack stack = new NotifierStack(root, dataDir, javaOptions,
                StoredSecret.loadOrCreate(dataDir.resolve(".token")));
        try {
            PostgresServer postgres = stack.started(PostgresServer.start(dataDir.resolve("postgres"), Ports.free(),
                    dataDir.resolve("logs/postgres.log"), List.of(DATABASE)));
            stack.kafka = stack.started(KafkaNode.start(dataDir.resolve("kafka"), Ports.free(), Ports.free()));
            int smtpPort = Ports.free();
            stack.smtp = stack.started(SmtpSink.start(smtpPort, dataDir.resolve("mail")));
            Map<String, String> env = stack.baseEnvironment;
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(DATABASE));
            env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
            env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafka.bootstrapServers());
            env.put("ALERTWIRE_ADMIN_TOKEN", stack.adminToken);
            env.putAll(LocalStack.notifierEnvironment(stack.notifierPort, smtpPort,
                    StoredSecret.loadOrCreate(dataDir.resolve("notifier-token-secret"))));
            env.putAll(environment);
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /**
     * Starts the notifier (stopping a running one first) with the stack's environment plus
     * {@code extra}, and waits until it is ready. Every start logs to {@code logs/notifier.log}.
     */
    public ServiceProcess startNotifier(Map<String, String> extra) throws IOException {
        if (notifier != null) {
            notifier.close();
        }
        Map<String, String> env = new LinkedHashMap<>(baseEnvironment);
        env.putAll(extra);
        notifier = new ServiceProcess("notifier", root, notifierPort, env, javaOptions, dataDir);
        notifier.start();
        notifier.awaitReady(READY_TIMEOUT);
        return notifier;
    }

    /** The notifier last started (running or not). */
    public ServiceProcess notifier() {
        if (notifier == null) {
            throw new IllegalStateException("the notifier was not started");
        }
        return notifier;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public SmtpSink smtp() {
        return smtp;
    }

    public String adminToken() {
        return adminToken;
    }

    public Path dataDir() {
        return dataDir;
    }

    private <T extends AutoCloseable> T started(T part) {
        running.push(part);
        return part;
    }

    /** Stops the notifier, then the sink, Kafka and PostgreSQL. */
    @Override
    public void close() {
        if (notifier != null) {
            notifier.close();
        }
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("stopping " + e + " failed");
            }
        }
    }
}
