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
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long a fresh matcher takes to compile and register every topic: what a classifier replica
 * spends at start ({@link TopicMatcher#replaceAll}, as the topic reloader calls it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RegistrationBenchmark {

    @Param({"100000"})
    public int topics;

    private List<TopicDefinition> definitions;
    private TopicMatcher matcher;

    @Setup(Level.Iteration)
    public void generate() {
        definitions = BenchmarkTopics.definitions(topics);
        matcher = BenchmarkTopics.matcher();
    }

    @TearDown(Level.Iteration)
    public void close() {
        matcher.close();
    }

    @Benchmark
    public int register() {
        matcher.replaceAll(definitions);
        return matcher.size();
    }
}
