package io.alertwire.classifier.matching;

import io.alertwire.classifier.query.QueryFields;
import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Indexes every two tokens at adjacent positions of another analyser's output as one term,
 * "{@code maria garcia}" (every combination where a position holds several tokens). A phrase can
 * match only where all its adjacent pairs are, so a compiled phrase also requires its pairs in this
 * field: the Monitor then pre-filters a topic on "maria garcia" by that one rare term, where it had
 * only "maria" and "garcia", which many more articles hold apart.
 */
final class PairsAnalyzer extends DerivedWordsAnalyzer {

    PairsAnalyzer(Analyzer words) {
        super(words);
    }

    @Override
    TokenStream derive(TokenStream words) {
        return pairs(words);
    }

    /** The pairs of the tokens of {@code words}, as this analyser indexes them. */
    static TokenStream pairs(TokenStream words) {
        return new PairsFilter(words);
    }

    /** Reads all its input's tokens first (an article's text is at most 64 KiB), then emits their pairs. */
    private static final class PairsFilter extends TokenFilter {

        private final CharTermAttribute chars = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private AnalysedText tokens;
        private int[] positions;
        /** The next pair's first token, and where to look for its second. */
        private int first;
        private int second;

        PairsFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (tokens == null) {
                tokens = AnalysedText.read(input);
                positions = tokens.positions();
            }
            int count = tokens.size();
            for (; first < count; first++, second = first + 1) {
                while (second < count && positions[second] == positions[first]) {
                    second++; // tokens stacked on the first one's position
                }
                if (second < count && positions[second] == positions[first] + 1) {
                    clearAttributes();
                    chars.setEmpty().append(tokens.term(first)).append(QueryFields.Analysed.PAIR_SEPARATOR)
                            .append(tokens.term(second));
                    offset.setOffset(tokens.startOffset(first),
                            Math.max(tokens.startOffset(first), tokens.endOffset(second)));
                    second++;
                    return true;
                }
            }
            return false;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            tokens = null;
            first = 0;
            second = 1;
        }
    }
}
