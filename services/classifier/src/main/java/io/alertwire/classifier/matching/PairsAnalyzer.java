package io.alertwire.classifier.matching;

import io.alertwire.classifier.query.QueryFields;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Indexes every two tokens at adjacent positions of another analyser's output as one term,
 * "{@code maria garcia}" (every combination where a position holds several tokens). A phrase can
 * match only where all its adjacent pairs are, so a compiled phrase also requires its pairs in this
 * field: the Monitor then pre-filters a topic on "maria garcia" by that one rare term, where it had
 * only "maria" and "garcia", which many more articles hold apart.
 */
final class PairsAnalyzer extends AnalyzerWrapper {

    private final Analyzer words;

    PairsAnalyzer(Analyzer words) {
        super(PER_FIELD_REUSE_STRATEGY);
        this.words = words;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return words;
    }

    @Override
    protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(components.getSource(), pairs(components.getTokenStream()));
    }

    /** The pairs of the tokens of {@code words}, as this analyser indexes them. */
    static TokenStream pairs(TokenStream words) {
        return new PairsFilter(words);
    }

    /** Reads all its input's tokens first (an article's text is at most 64 KiB), then emits their pairs. */
    private static final class PairsFilter extends TokenFilter {

        private final CharTermAttribute chars = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private String[] terms = new String[64];
        private int[] positions = new int[64];
        private int[] starts = new int[64];
        private int[] ends = new int[64];
        private int count = -1;
        /** The next pair's first token, and where to look for its second. */
        private int first;
        private int second;

        PairsFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (count < 0) {
                readAll();
            }
            for (; first < count; first++, second = first + 1) {
                while (second < count && positions[second] == positions[first]) {
                    second++; // tokens stacked on the first one's position
                }
                if (second < count && positions[second] == positions[first] + 1) {
                    clearAttributes();
                    chars.setEmpty().append(terms[first]).append(QueryFields.Analysed.PAIR_SEPARATOR)
                            .append(terms[second]);
                    offset.setOffset(starts[first], Math.max(starts[first], ends[second]));
                    second++;
                    return true;
                }
            }
            return false;
        }

        private void readAll() throws IOException {
            count = 0;
            int position = -1;
            while (input.incrementToken()) {
                if (count == terms.length) {
                    int size = count * 2;
                    terms = Arrays.copyOf(terms, size);
                    positions = Arrays.copyOf(positions, size);
                    starts = Arrays.copyOf(starts, size);
                    ends = Arrays.copyOf(ends, size);
                }
                position += increment.getPositionIncrement();
                terms[count] = chars.toString();
                positions[count] = position;
                starts[count] = offset.startOffset();
                ends[count] = offset.endOffset();
                count++;
            }
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            count = -1;
            first = 0;
            second = 1;
        }
    }
}
