package io.alertwire.classifier.matching;

import io.alertwire.classifier.query.QueryCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
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
 * What the Monitor saves: every compiled topic query run on every article's in-memory index (built
 * once per article), no pre-filtering. Counts matches only (no scores or highlights), so it is a
 * lower bound on the cost of doing without the presearcher. Slow: short runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class BruteForceBenchmark {

    @Param({"100", "10000"})
    public int topics;

    @Param({"feed", "synthetic"})
    public String articles;

    private final List<Query> queries = new ArrayList<>();
    private List<ArticleText> texts;

    @Setup(Level.Trial)
    public void compile() {
        QueryCompiler compiler = new QueryCompiler(ArticleFields.queryFields());
        for (TopicDefinition topic : BenchmarkTopics.definitions(topics)) {
            queries.add(compiler.compile(topic.query()));
        }
        texts = BenchmarkTopics.articles(articles);
    }

    @Benchmark
    @Threads(1)
    public int oneThread(ArticleCursor cursor) {
        ArticleDocument article = ArticleDocument.of(cursor.next(texts));
        MemoryIndex index = MemoryIndex.fromDocument(article.document(), ArticleFields.analyzer());
        int matches = 0;
        for (Query query : queries) {
            if (index.search(query) > 0) {
                matches++;
            }
        }
        return matches;
    }
}
