package io.alertwire.kubernetes;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds the command-line tools the checks need (kubectl, node) on the PATH; a fresh laptop may have neither. */
final class Executables {

    private Executables() {
    }

    /**
     * The first executable called {@code name} on the PATH that answers {@code probe} (arguments) with exit code 0;
     * a tool that is too old or a broken wrapper counts as absent.
     */
    static Optional<Path> find(String name, String... probe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String file : List.of(name, name + ".exe")) {
                Path candidate = Path.of(dir, file);
                if (Files.isExecutable(candidate) && answers(candidate, probe)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean answers(Path tool, String... probe) {
        try {
            List<String> command = new ArrayList<>(List.of(tool.toString()));
            command.addAll(List.of(probe));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (InputStream in = process.getInputStream()) {
                in.readAllBytes();
            }
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs {@code command} with {@code input} on its standard input and returns its standard output; a tool that
     * fails, or runs longer than a minute, fails the calling test with {@code what} and its error output.
     */
    static String run(List<String> command, byte[] input, String what) {
        try {
            Path out = Files.createTempFile("tool-", ".out");
            Path err = Files.createTempFile("tool-", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                try (OutputStream in = process.getOutputStream()) {
                    in.write(input);
                }
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(what + " did not finish within 60 s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError(what + " failed:\n" + Files.readString(err));
                }
                return Files.readString(out);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + what, e);
        }
    }
}
