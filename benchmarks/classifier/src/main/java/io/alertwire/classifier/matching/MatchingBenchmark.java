package io.alertwire.classifier.matching;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Articles per second through {@link TopicMatcher#match}, the service's real matching (Lucene
 * Monitor, scores, highlights), against 100, 10,000 and 100,000 generated topics, on one and on
 * two threads (the JVM's matcher is shared, as in the service).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 2, time = 5)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class MatchingBenchmark {

    @Param({"100", "10000", "100000"})
    public int topics;

    /**
     * {@code feed} (feed items, about 70 words, as the real stream), {@code synthetic} (300–800 words) or
     * {@code corpus} (the shared real articles); one in five generated articles is Korean.
     */
    @Param({"feed", "synthetic"})
    public String articles;

    private TopicMatcher matcher;
    private List<ArticleText> texts;

    @Setup(Level.Trial)
    public void register() {
        matcher = BenchmarkTopics.matcher();
        matcher.replaceAll(BenchmarkTopics.definitions(topics));
        texts = BenchmarkTopics.articles(articles);
        // how selective the presearcher is, on a sample (the whole set would slow every fork's start)
        List<ArticleText> sample = texts.subList(0, Math.min(100, texts.size()));
        long candidates = 0;
        long matches = 0;
        for (ArticleText text : sample) {
            candidates += matcher.candidates(text);
            matches += matcher.match(text).size();
        }
        System.out.printf("%n%d topics registered; per article: %.1f candidate queries run, %.2f matches%n",
                matcher.size(), candidates / (double) sample.size(), matches / (double) sample.size());
    }

    @TearDown(Level.Trial)
    public void close() {
        matcher.close();
    }

    @Benchmark
    @Threads(1)
    public List<TopicMatch> oneThread(ArticleCursor cursor) {
        return matcher.match(cursor.next(texts));
    }

    @Benchmark
    @Threads(2)
    public List<TopicMatch> twoThreads(ArticleCursor cursor) {
        return matcher.match(cursor.next(texts));
    }
}
