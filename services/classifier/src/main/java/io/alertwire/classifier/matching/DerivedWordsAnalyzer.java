package io.alertwire.classifier.matching;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;

/**
 * An analyser whose tokens are derived from those of another (the words of the text field), for
 * the fields that exist only so the Monitor can pre-filter: prefix heads ({@link PrefixAnalyzer})
 * and word pairs ({@link PairsAnalyzer}). Matching builds those fields from the text's tokens,
 * analysed once ({@link AnalysedText}); this analyser builds the same from a string.
 */
abstract class DerivedWordsAnalyzer extends AnalyzerWrapper {

    private final Analyzer words;

    DerivedWordsAnalyzer(Analyzer words) {
        super(PER_FIELD_REUSE_STRATEGY);
        this.words = words;
    }

    /** The derived tokens of {@code words}. */
    abstract TokenStream derive(TokenStream words);

    @Override
    protected final Analyzer getWrappedAnalyzer(String fieldName) {
        return words;
    }

    @Override
    protected final TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(components.getSource(), derive(components.getTokenStream()));
    }
}
