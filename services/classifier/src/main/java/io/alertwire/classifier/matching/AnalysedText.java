package io.alertwire.classifier.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The tokens of an article's text, analysed once and replayed for every field and index that needs
 * them. The text field and its prefix field hold the same words (the latter only their heads), and
 * Korean morphology (Nori) costs more than everything else matching does, so analysing the text a
 * second time for the prefix field, and again for scoring, roughly doubled the work per article.
 *
 * <p>A replay carries what an in-memory index reads: the term, its position increment and its
 * offsets, and at the end the final increment and offset.
 */
final class AnalysedText {

    private String[] terms = new String[64];
    private int[] increments = new int[64];
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int count;
    private int finalIncrement;
    private int finalOffset;

    private AnalysedText() {
    }

    /** Runs {@code analyzer} over {@code text} as it would for {@code field}, and keeps the tokens. */
    static AnalysedText of(Analyzer analyzer, String field, String text) {
        AnalysedText analysed = new AnalysedText();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                analysed.add(term.toString(), increment.getPositionIncrement(), offset.startOffset(),
                        offset.endOffset());
            }
            stream.end();
            analysed.finalIncrement = increment.getPositionIncrement();
            analysed.finalOffset = offset.endOffset();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse the article's text", e);
        }
        return analysed;
    }

    private void add(String term, int increment, int start, int end) {
        if (count == terms.length) {
            int size = count * 2;
            terms = Arrays.copyOf(terms, size);
            increments = Arrays.copyOf(increments, size);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
        }
        terms[count] = term;
        increments[count] = increment;
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    /** A new stream of the kept tokens; it can be consumed any number of times (reset starts over). */
    TokenStream replay() {
        return new Replay();
    }

    private final class Replay extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private int next;

        @Override
        public boolean incrementToken() {
            if (next >= count) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(terms[next]);
            increment.setPositionIncrement(increments[next]);
            offset.setOffset(starts[next], ends[next]);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            increment.setPositionIncrement(finalIncrement);
            offset.setOffset(finalOffset, finalOffset);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
