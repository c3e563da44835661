package io.alertwire.benchmarks.notifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The resident set size of a process, from Linux's {@code /proc/<pid>/status}. */
final class Rss {

    private Rss() {
    }

    /** VmRSS in MiB; -1 where there is no such file (not Linux, process gone). */
    static long mebibytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
