package io.alertwire.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes left running by a launcher that was killed without its shutdown hook (kill -9, a
 * crash): the services and PostgreSQL are separate processes and outlive it, holding their ports
 * and PostgreSQL's data folder. The launcher writes each child's pid to {@code <data>/run/}; at the
 * next start those still alive, and still what they were, are stopped.
 */
final class LeftoverProcesses {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverProcesses.class);

    private LeftoverProcesses() {
    }

    static Path pidFile(Path dataDir, String name) {
        return dataDir.resolve("run").resolve(name + ".pid");
    }

    static void remember(Path dataDir, String name, long pid) {
        try {
            Files.createDirectories(pidFile(dataDir, name).getParent());
            Files.writeString(pidFile(dataDir, name), pid + "\n");
        } catch (IOException e) {
            LOG.debug("cannot write pid file of {}: {}", name, e.toString());
        }
    }

    static void forget(Path dataDir, String name) {
        try {
            Files.deleteIfExists(pidFile(dataDir, name));
        } catch (IOException e) {
            LOG.debug("cannot delete pid file of {}: {}", name, e.toString());
        }
    }

    /** Stops leftover service processes and a leftover PostgreSQL of this data folder. */
    static void stopAll(Path dataDir, List<String> services) {
        for (String name : services) {
            readPid(pidFile(dataDir, name)).ifPresent(pid -> stop(pid, name, "quarkus-run.jar"));
            forget(dataDir, name);
        }
        // PostgreSQL writes its own pid as the first line of postmaster.pid
        readPid(dataDir.resolve("postgres").resolve("postmaster.pid")).ifPresent(pid -> stop(pid, "PostgreSQL", "postgres"));
    }

    private static Optional<Long> readPid(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(file).stream().findFirst().orElse("").trim();
            return Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stop(long pid, String what, String commandMustContain) {
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
            String command = process.info().commandLine().or(() -> process.info().command()).orElse("");
            if (!command.contains(commandMustContain)) {
                return; // the pid was reused by something else
            }
            LOG.warn("stopping {} (pid {}) left running by an earlier launcher", what, pid);
            process.destroy();
            try {
                process.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }
}
