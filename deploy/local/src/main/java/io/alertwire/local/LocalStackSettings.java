package io.alertwire.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the local stack can be told: where the repository and the data folder are, and the
 * loopback ports of every part. {@link #fromEnvironment} reads the documented environment variables
 * (see {@code deploy/local/README.md}); the end-to-end test builds its own with free ports.
 *
 * @param root the repository root (holds {@code services/} and {@code deploy/})
 * @param dataDir kept across runs: {@code kafka/}, {@code postgres/}, {@code mail/}, {@code webhooks/}, {@code logs/}
 * @param tokenFile where the admin token is kept
 * @param seedDefaultSources whether an empty fetch-service gets the default list of real Korean news sources
 * @param serviceJavaOptions extra JVM options for the three service processes, space-separated
 * @param replicas how many instances of each service run (1 for the local stack; the scale-out test
 *     runs more): instance 1 listens on the port above and logs to {@code logs/<service>.log}, instance
 *     {@code n > 1} on a free port, logging to {@code logs/<service>-<n>.log}; all share the service's
 *     database and Kafka consumer group
 * @param serviceEnvironment variables added to every service process's environment after the stack's
 *     own (tests use it to shorten the services' intervals); empty for the local stack
 */
public record LocalStackSettings(
        Path root,
        Path dataDir,
        Path tokenFile,
        int kafkaPort,
        int kafkaControllerPort,
        int smtpPort,
        int postgresPort,
        int fetchPort,
        int classifierPort,
        int notifierPort,
        int demoPort,
        boolean demo,
        boolean seedDefaultSources,
        String serviceJavaOptions,
        int replicas,
        Map<String, String> serviceEnvironment) {

    public LocalStackSettings {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(tokenFile, "tokenFile");
        Objects.requireNonNull(serviceJavaOptions, "serviceJavaOptions");
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, got " + replicas);
        }
        serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    /** One instance of each service, no extra environment: the local stack as run.sh starts it. */
    public LocalStackSettings(Path root, Path dataDir, Path tokenFile, int kafkaPort, int kafkaControllerPort,
            int smtpPort, int postgresPort, int fetchPort, int classifierPort, int notifierPort, int demoPort,
            boolean demo, boolean seedDefaultSources, String serviceJavaOptions) {
        this(root, dataDir, tokenFile, kafkaPort, kafkaControllerPort, smtpPort, postgresPort, fetchPort,
                classifierPort, notifierPort, demoPort, demo, seedDefaultSources, serviceJavaOptions, 1, Map.of());
    }

    /** These settings with {@code replicas} instances of each service. */
    public LocalStackSettings withReplicas(int replicas) {
        return new LocalStackSettings(root, dataDir, tokenFile, kafkaPort, kafkaControllerPort, smtpPort, postgresPort,
                fetchPort, classifierPort, notifierPort, demoPort, demo, seedDefaultSources, serviceJavaOptions,
                replicas, serviceEnvironment);
    }

    /** These settings with {@code variables} added to (and overriding) every service's environment. */
    public LocalStackSettings withServiceEnvironment(Map<String, String> variables) {
        Map<String, String> merged = new LinkedHashMap<>(serviceEnvironment);
        merged.putAll(variables);
        return new LocalStackSettings(root, dataDir, tokenFile, kafkaPort, kafkaControllerPort, smtpPort, postgresPort,
                fetchPort, classifierPort, notifierPort, demoPort, demo, seedDefaultSources, serviceJavaOptions,
                replicas, merged);
    }

    /** The instance names of a service: {@code notifier}, then {@code notifier-2}, ... up to {@link #replicas}. */
    public List<String> instancesOf(String service) {
        List<String> names = new ArrayList<>();
        names.add(service);
        for (int n = 2; n <= replicas; n++) {
            names.add(service + "-" + n);
        }
        return names;
    }

    /** Reads the {@code ALERTWIRE_*} variables; relative paths are taken from the repository root. */
    public static LocalStackSettings fromEnvironment(Path root, Map<String, String> env, boolean demo) {
        int kafkaPort = port(env, "ALERTWIRE_KAFKA_PORT", 9092);
        return new LocalStackSettings(
                root,
                path(root, env, "ALERTWIRE_DATA_DIR", "deploy/local/data"),
                path(root, env, "ALERTWIRE_TOKEN_FILE", "deploy/local/.token"),
                kafkaPort,
                port(env, "ALERTWIRE_KAFKA_CONTROLLER_PORT", kafkaPort + 1),
                port(env, "ALERTWIRE_SMTP_PORT", 2525),
                port(env, "ALERTWIRE_POSTGRES_PORT", 15432),
                port(env, "ALERTWIRE_FETCH_PORT", 8081),
                port(env, "ALERTWIRE_CLASSIFIER_PORT", 8082),
                port(env, "ALERTWIRE_NOTIFIER_PORT", 8083),
                port(env, "ALERTWIRE_DEMO_PORT", 8090),
                demo,
                true,
                env.getOrDefault("ALERTWIRE_SERVICE_JAVA_OPTS", "-XX:+UseSerialGC -Xmx512m"));
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path mailDir() {
        return dataDir.resolve("mail");
    }

    public Path webhooksDir() {
        return dataDir.resolve("webhooks");
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    private static Path path(Path root, Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return root.resolve(value == null || value.isBlank() ? fallback : value).toAbsolutePath().normalize();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a TCP port (1-65535), got '" + value + "'");
        }
    }
}
