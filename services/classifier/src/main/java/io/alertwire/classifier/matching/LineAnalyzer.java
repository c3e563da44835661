package io.alertwire.classifier.matching;

import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.pattern.PatternTokenizer;

/** One lower-cased token per line: the exact values of the {@code source} and {@code lang} fields. */
final class LineAnalyzer extends Analyzer {

    private static final Pattern LINE = Pattern.compile("\n");

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        PatternTokenizer source = new PatternTokenizer(LINE, -1);
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
