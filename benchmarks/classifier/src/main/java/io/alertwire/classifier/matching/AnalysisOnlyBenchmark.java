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
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 2, time = 5)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class AnalysisOnlyBenchmark {

    @Param({"feed", "synthetic"})
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

    /**
     * As before the text was analysed once ({@link AnalysedText}): every field analysed from its
     * string, so the text three times (words, prefix heads, word pairs). For the before/after ratio
     * in one run.
     */
    @Benchmark
    @Threads(1)
    public MemoryIndex oneThreadEachFieldAnalysed(ArticleCursor cursor) {
        ArticleText article = cursor.next(texts);
        Analysis analysis = Analysis.forArticle(article.language(), article.text());
        MemoryIndex index = new MemoryIndex(true, true);
        index.addField(analysis.titleField(), article.title(), ArticleFields.analyzer());
        index.addField(analysis.textField(), article.text(), ArticleFields.analyzer());
        index.addField(analysis.prefixField(), article.text(), ArticleFields.analyzer());
        index.addField(analysis.pairsField(), article.text(), ArticleFields.analyzer());
        String sources = String.join("\n", ArticleDocument.sourceValues(article.url(), article.sourceName()));
        if (!sources.isEmpty()) {
            index.addField(ArticleFields.SOURCE, sources, ArticleFields.analyzer());
        }
        if (article.language() != null && !article.language().isBlank()) {
            index.addField(ArticleFields.LANGUAGE, article.language().strip(), ArticleFields.analyzer());
        }
        index.freeze();
        return index;
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
