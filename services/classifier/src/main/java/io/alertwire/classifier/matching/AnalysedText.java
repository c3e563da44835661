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
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            stream.reset();
            AnalysedText analysed = read(stream);
            stream.end();
            analysed.finalIncrement = stream.getAttribute(PositionIncrementAttribute.class).getPositionIncrement();
            analysed.finalOffset = stream.getAttribute(OffsetAttribute.class).endOffset();
            return analysed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse the article's text", e);
        }
    }

    /** The remaining tokens of a stream that has been reset; the stream is neither ended nor closed. */
    static AnalysedText read(TokenStream stream) throws IOException {
        AnalysedText analysed = new AnalysedText();
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
        OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
        while (stream.incrementToken()) {
            analysed.add(term.toString(), increment.getPositionIncrement(), offset.startOffset(), offset.endOffset());
        }
        return analysed;
    }

    /** How many tokens there are. */
    int size() {
        return count;
    }

    String term(int token) {
        return terms[token];
    }

    int startOffset(int token) {
        return starts[token];
    }

    int endOffset(int token) {
        return ends[token];
    }

    /** Each token's position: the sum of the increments up to it (tokens stacked on one position share it). */
    int[] positions() {
        int[] positions = new int[count];
        int position = -1;
        for (int i = 0; i < count; i++) {
            position += increments[i];
            positions[i] = position;
        }
        return positions;
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
