package io.alertwire.classifier.matching;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.index.IndexableField;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under matching: turning an article into its one-document in-memory index (the
 * article's Lucene document, analysed once into a {@link MemoryIndex} with offsets, as the Monitor
 * builds it), with no query run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 3, time = 4)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class AnalysisOnlyBenchmark {

    @Param({"synthetic"})
    public String articles;

    private List<ArticleText> texts;

    @Setup(Level.Trial)
    public void load() {
        texts = BenchmarkTopics.articles(articles);
    }

    @Benchmark
    @Threads(1)
    public MemoryIndex oneThread(ArticleCursor cursor) {
        return index(cursor.next(texts));
    }

    @Benchmark
    @Threads(2)
    public MemoryIndex twoThreads(ArticleCursor cursor) {
        return index(cursor.next(texts));
    }

    private static MemoryIndex index(ArticleText article) {
        MemoryIndex index = new MemoryIndex(true, true);
        for (IndexableField field : ArticleDocument.of(article).document()) {
            index.addField(field, ArticleFields.analyzer());
        }
        index.freeze();
        return index;
    }
}
