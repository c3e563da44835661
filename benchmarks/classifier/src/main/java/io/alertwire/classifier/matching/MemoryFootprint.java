package io.alertwire.classifier.matching;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Heap and resident memory of a matcher holding {@code N} topics (default 100,000), after garbage
 * collection, next to the same JVM before any topic was registered. Run it in its own JVM:
 * {@code java -cp benchmarks.jar io.alertwire.classifier.matching.MemoryFootprint [N]}.
 */
public final class MemoryFootprint {

    private MemoryFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<TopicDefinition> definitions = BenchmarkTopics.definitions(count);
        List<ArticleText> articles = BenchmarkTopics.articles("synthetic");
        TopicMatcher matcher = BenchmarkTopics.matcher();
        matcher.match(articles.get(0));
        report("before registering (topic texts generated, analysers loaded)");
        long start = System.nanoTime();
        matcher.replaceAll(definitions);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("registered %d topics in %.1f s%n", matcher.size(), seconds);
        for (ArticleText article : articles) {
            matcher.match(article);
        }
        report("after registering " + matcher.size() + " topics and matching " + articles.size() + " articles");
        matcher.close();
    }

    private static void report(String when) throws IOException {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heap = memory.getHeapMemoryUsage().getUsed();
        long nonHeap = memory.getNonHeapMemoryUsage().getUsed();
        System.out.printf("%s: heap used %.0f MB, non-heap %.0f MB, %s, %s%n", when, heap / 1e6, nonHeap / 1e6,
                status("VmRSS"), status("VmHWM"));
    }

    /** A line of /proc/self/status ("VmRSS: 123456 kB"), in MB; "n/a" where there is no /proc. */
    private static String status(String key) throws IOException {
        Path file = Path.of("/proc/self/status");
        if (!Files.exists(file)) {
            return key + " n/a";
        }
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(key + ":")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                return String.format("%s %.0f MB", key, kb / 1e3);
            }
        }
        return key + " n/a";
    }
}
