package io.alertwire.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Alertwire service, run from its packaged app ({@code services/<name>/target/quarkus-app/quarkus-run.jar})
 * as a child process with its configuration in environment variables, as in production. Its output
 * goes to {@code <data>/logs/<name>.log}, where the name is the instance's: the service's own name, or
 * {@code <service>-<n>} for a further replica of it. Stopping sends SIGTERM (Quarkus shuts down
 * gracefully) and kills it only if it has not exited in time.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String service;
    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> javaOptions;
    private final Path dataDir;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;
    /** Where this run's output starts in the log file, to tell our process's lines from earlier runs'. */
    private long logOffset;
    private volatile boolean stopping;

    /**
     * @param name {@code fetch}, {@code classifier} or {@code notifier}
     * @param environment variables added to (and overriding) this JVM's environment
     * @param dataDir the stack's data folder: the log goes to {@code logs/<name>.log}, the pid to {@code run/<name>.pid}
     */
    public ServiceProcess(String name, Path root, int port, Map<String, String> environment,
            String javaOptions, Path dataDir) {
        this(name, name, root, port, environment, javaOptions, dataDir);
    }

    /**
     * @param service {@code fetch}, {@code classifier} or {@code notifier}: which app runs
     * @param instance this process's name, in its log and pid file names: the service's name, or e.g. {@code notifier-2}
     */
    public ServiceProcess(String service, String instance, Path root, int port, Map<String, String> environment,
            String javaOptions, Path dataDir) {
        this.service = service;
        this.name = instance;
        this.jar = jarOf(root, service);
        this.port = port;
        this.environment = new LinkedHashMap<>(environment);
        this.environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        this.environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        this.javaOptions = Arrays.stream(javaOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        this.dataDir = dataDir;
        this.logFile = dataDir.resolve("logs").resolve(name + ".log");
    }

    public static Path jarOf(Path root, String name) {
        return root.resolve("services").resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The instance's name: {@code notifier}, {@code notifier-2}, ... */
    public String name() {
        return name;
    }

    /** The service this instance runs: {@code fetch}, {@code classifier} or {@code notifier}. */
    public String service() {
        return service;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    /** Starts the process without waiting; see {@link #awaitReady}. */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " is missing (run ./mvnw install -DskipTests)");
        }
        Ports.requireFree(name, port);
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        Files.writeString(logFile, "\n==== " + Instant.now() + " starting " + name + " on port " + port + " ====\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        logOffset = Files.size(logFile);
        stopping = false;
        process = builder.start();
        Process started = process;
        // Ctrl-C in a terminal signals the children too, a moment before the stack stops them: wait
        // for the stack to say so before calling an exit unexpected (and a process replaced by a
        // restart meanwhile was stopped on purpose)
        started.onExit().thenAcceptAsync(p -> {
            if (!stopping && started == process) {
                LOG.error("{} exited unexpectedly (exit code {}); see {}", name, p.exitValue(), logFile);
            }
        }, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
        LeftoverProcesses.remember(dataDir, name, process.pid());
        LOG.info("{} starting (pid {}, log {})", name, process.pid(), logFile);
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early if the process exits. */
    public void awaitReady(Duration timeout) {
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        URI ready = URI.create(baseUrl() + "/q/health/ready");
        int lastStatus = -1;
        while (true) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(name + " exited during start (exit code "
                        + (p == null ? "?" : p.exitValue()) + "); last lines of " + logFile + ":\n" + logTail(40));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                lastStatus = response.statusCode();
                // another process on the port could answer too: ours says where it listens in its log
                if (lastStatus == 200 && logSinceStart().contains("Listening on: " + baseUrl())) {
                    LOG.info("{} ready at {} after {} s", name, baseUrl(),
                            Duration.between(started, Instant.now()).toMillis() / 1000.0);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " not ready after " + timeout + " (last /q/health/ready status "
                        + lastStatus + "); last lines of " + logFile + ":\n" + logTail(40));
            }
            Ports.sleep(300);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public void restart(Duration readyTimeout) throws IOException {
        close();
        start();
        awaitReady(readyTimeout);
    }

    /** Tells that the process is about to be stopped (or stop by itself), so that its exit is not reported. */
    public void expectExit() {
        stopping = true;
    }

    /**
     * SIGKILL at once, as a crash or an OOM kill would end it: no shutdown hooks, no offsets
     * committed, claimed work left to expire. For tests of what the other replicas then do.
     */
    public synchronized void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
        stopping = true;
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        LeftoverProcesses.forget(dataDir, name);
        LOG.info("{} killed (SIGKILL)", name);
    }

    /**
     * Waits for the process to end by itself (a crash test's halt) and returns its exit status;
     * throws if it is still running after {@code timeout}.
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        Process p;
        synchronized (this) {
            p = process;
            if (p == null) {
                throw new IllegalStateException(name + " is not running");
            }
            stopping = true;
        }
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stopping = false;
            throw new IllegalStateException(name + " still running after " + timeout);
        }
        synchronized (this) {
            if (process == p) {
                process = null;
            }
        }
        LeftoverProcesses.forget(dataDir, name);
        LOG.info("{} exited (exit code {})", name, p.exitValue());
        return p.exitValue();
    }

    /** The operating system's id of the running process, e.g. to read its {@code /proc/<pid>/status}. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    /** SIGTERM, then SIGKILL if it is still running after the grace period. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
        stopping = true;
        if (!p.isAlive()) {
            // already gone: Ctrl-C in a terminal reaches the children directly
            LeftoverProcesses.forget(dataDir, name);
            LOG.info("{} stopped (exit code {})", name, p.exitValue());
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not stop within {} s: killing it", name, STOP_GRACE.toSeconds());
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            LeftoverProcesses.forget(dataDir, name);
            LOG.info("{} stopped", name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    private String logSinceStart() {
        try (RandomAccessFile raf = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = raf.length();
            if (length <= logOffset) {
                return "";
            }
            raf.seek(logOffset);
            byte[] bytes = new byte[(int) Math.min(length - logOffset, 4 * 1024 * 1024)];
            raf.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of the service's log, for error messages. */
    public String logTail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log)";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 64 * 1024);
            raf.seek(from);
            byte[] bytes = new byte[(int) (length - from)];
            raf.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
