package io.alertwire.benchmark.fetch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of processes from {@code /proc/<pid>/stat} (Linux), so that a round can be costed in CPU
 * per poll: on a machine shared with other work, wall-clock rates vary with the load, CPU time much
 * less.
 */
final class CpuTime {

    /** The kernel's USER_HZ, in which /proc reports CPU time; 100 on every mainstream Linux. */
    private static final long TICKS_PER_SECOND = 100;

    private CpuTime() {
    }

    /** User and system CPU of the process in milliseconds (its reaped children included if asked), or 0 if gone. */
    static long millis(long pid, boolean withReapedChildren) {
        long[] fields = stat(pid);
        if (fields.length == 0) {
            return 0;
        }
        long ticks = fields[UTIME] + fields[STIME] + (withReapedChildren ? fields[CUTIME] + fields[CSTIME] : 0);
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /**
     * The CPU of a PostgreSQL server: the postmaster with the backends it has reaped, plus its live
     * backends (the service's pooled connections and the server's own helpers).
     */
    static long postgresMillis(long postmasterPid) {
        long total = millis(postmasterPid, true);
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                long[] fields = stat(pid);
                if (fields.length > 0 && fields[PPID] == postmasterPid) {
                    total += (fields[UTIME] + fields[STIME]) * 1000 / TICKS_PER_SECOND;
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }

    /** The parent of a process (a PostgreSQL backend's parent is the postmaster), or 0 if gone. */
    static long parent(long pid) {
        long[] fields = stat(pid);
        return fields.length == 0 ? 0 : fields[PPID];
    }

    // indexes into the fields after the command name, which is in parentheses and may hold spaces
    private static final int PPID = 1;
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int CUTIME = 13;
    private static final int CSTIME = 14;

    private static long[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long[] numbers = new long[CSTIME + 1];
            for (int i = PPID; i <= CSTIME; i++) {
                numbers[i] = Long.parseLong(fields[i]);
            }
            return numbers;
        } catch (IOException | RuntimeException gone) {
            return new long[0];
        }
    }
}
