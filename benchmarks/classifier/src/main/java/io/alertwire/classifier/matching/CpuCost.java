package io.alertwire.classifier.matching;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;

/**
 * CPU time per article, one thread: the analysis floor, then matching against 100, 10,000 and
 * 100,000 topics (registered cumulatively in one matcher), for each article set (feed items and
 * long articles by default). Throughput measured by the clock says how much of a shared machine a
 * run got; CPU time per article says what an article costs, so {@code 1 / cost} is the articles per
 * second one idle core would manage. Run it in its own JVM:
 * {@code java -Xmx2g -cp benchmarks.jar io.alertwire.classifier.matching.CpuCost [seconds [sets [topics]]]}
 * (seconds of CPU time to warm up, and as many to measure, per line),
 * e.g. {@code CpuCost 10 feed,synthetic 100,10000}.
 */
public final class CpuCost {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuCost() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        String[] sets = (args.length > 1 ? args[1] : "feed,synthetic").split(",");
        int[] counts = Arrays.stream((args.length > 2 ? args[2] : "100,10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Map<String, List<ArticleText>> articles = new LinkedHashMap<>();
        for (String set : sets) {
            articles.put(set, BenchmarkTopics.articles(set));
        }
        articles.forEach((set, texts) -> measure(set + ", analysis only", texts, seconds, CpuCost::analyse));
        TopicMatcher matcher = BenchmarkTopics.matcher();
        List<TopicDefinition> topics = BenchmarkTopics.definitions(Arrays.stream(counts).max().orElse(0));
        for (int count : counts) {
            matcher.replaceAll(topics.subList(0, count));
            articles.forEach((set, texts) -> measure(set + ", " + count + " topics", texts, seconds, matcher::match));
        }
        matcher.close();
    }

    /**
     * Warms up for {@code seconds} of this thread's CPU time, then measures for as long again; prints
     * CPU and wall time per article. Counting CPU time rather than the clock gives the JIT the same
     * warm-up however loaded the machine is.
     */
    private static void measure(String what, List<ArticleText> articles, double seconds,
            java.util.function.Consumer<ArticleText> work) {
        long budget = (long) (seconds * 1e9);
        int next = 0;
        long warmStart = THREADS.getCurrentThreadCpuTime();
        while (THREADS.getCurrentThreadCpuTime() - warmStart < budget) {
            work.accept(articles.get(next++ % articles.size()));
        }
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        int done = 0;
        while (THREADS.getCurrentThreadCpuTime() - cpu < budget) {
            work.accept(articles.get(next++ % articles.size()));
            done++;
        }
        double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / done;
        double wallMs = (System.nanoTime() - wall) / 1e6 / done;
        System.out.printf("%-28s %6d articles: %.3f ms CPU/article (%.0f articles/s per idle core), %.3f ms wall%n",
                what, done, cpuMs, 1000 / cpuMs, wallMs);
    }

    private static void analyse(ArticleText article) {
        MemoryIndex index = new MemoryIndex(true, true);
        for (IndexableField field : ArticleDocument.of(article).document()) {
            index.addField(field, ArticleFields.analyzer());
        }
        index.freeze();
    }
}
