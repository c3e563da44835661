package io.alertwire.classifier.matching;

import java.util.Arrays;
import java.util.List;

/**
 * How selective the presearcher is, without JMH: candidate queries run and matches per article,
 * on the first 100 articles of each set (the sample {@link MatchingBenchmark} prints), at each
 * topic count (registered cumulatively in one matcher, as {@link CpuCost} does). Run it in its
 * own JVM: {@code java -Xmx2g -cp benchmarks.jar io.alertwire.classifier.matching.CandidateCount
 * [sets [topics]]}, e.g. {@code CandidateCount feed,synthetic 100,10000,100000}.
 */
public final class CandidateCount {

    private static final int SAMPLE = 100;

    private CandidateCount() {
    }

    public static void main(String[] args) {
        String[] sets = (args.length > 0 ? args[0] : "feed,synthetic").split(",");
        int[] counts = Arrays.stream((args.length > 1 ? args[1] : "100,10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        TopicMatcher matcher = BenchmarkTopics.matcher();
        List<TopicDefinition> topics = BenchmarkTopics.definitions(Arrays.stream(counts).max().orElse(0));
        for (int count : counts) {
            matcher.replaceAll(topics.subList(0, count));
            for (String set : sets) {
                List<ArticleText> articles = BenchmarkTopics.articles(set);
                List<ArticleText> sample = articles.subList(0, Math.min(SAMPLE, articles.size()));
                long candidates = 0;
                long matches = 0;
                for (ArticleText article : sample) {
                    candidates += matcher.candidates(article);
                    matches += matcher.match(article).size();
                }
                System.out.printf("%-10s %6d topics: %.1f candidate queries run, %.2f matches per article%n", set,
                        count, candidates / (double) sample.size(), matches / (double) sample.size());
            }
        }
        matcher.close();
    }
}
