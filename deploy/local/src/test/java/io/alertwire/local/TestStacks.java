package io.alertwire.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** What the end-to-end tests do with their stack once it ran or failed. */
final class TestStacks {

    private TestStacks() {
    }

    /**
     * Settings for a stack of one test: a temp data folder and free ports, so that it never
     * collides with a running local stack. Fails at once if a service has not been packaged.
     */
    static LocalStackSettings onFreePorts(String dataPrefix, String serviceJavaOpts) throws IOException {
        Path root = RepositoryRoot.locate();
        for (String service : LocalStack.SERVICES) {
            Path jar = ServiceProcess.jarOf(root, service);
            assertTrue(Files.isRegularFile(jar),
                    jar + " is missing: build the services first (./mvnw verify builds them before this module)");
        }
        Path data = Files.createTempDirectory(dataPrefix);
        return new LocalStackSettings(root, data, data.resolve(".token"),
                Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), 0,
                false, false, serviceJavaOpts);
    }

    /** Stops the stack and deletes its databases and Kafka log (large, of no use afterwards); logs and mails stay. */
    static void stopAndDiscardData(LocalStack stack) {
        stack.close();
        deleteTree(stack.settings().dataDir().resolve("postgres"));
        deleteTree(stack.settings().dataDir().resolve("kafka"));
    }

    /** The end of every service instance's log, to diagnose a failure. */
    static void printServiceLogs(LocalStack stack) {
        for (String service : LocalStack.SERVICES) {
            for (ServiceProcess instance : stack.instances(service)) {
                System.err.println("==== last lines of " + instance.logFile() + " ====");
                System.err.println(instance.logTail(60));
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
