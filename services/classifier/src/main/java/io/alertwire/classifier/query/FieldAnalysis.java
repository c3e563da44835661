package io.alertwire.classifier.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Query words as one field's analyser sees them: the same word forms the article index holds. */
final class FieldAnalysis {

    private final Analyzer analyzer;

    FieldAnalysis(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The analysed tokens of {@code text} in {@code field}, grouped by position; empty when none. */
    List<List<String>> tokens(String field, String text) {
        List<List<String>> positions = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute chars = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0 || positions.isEmpty()) {
                    positions.add(new ArrayList<>());
                }
                positions.get(positions.size() - 1).add(chars.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return positions;
    }

    /** A word or phrase in {@code field}: a term, a phrase, or {@code null} when nothing is left of it. */
    Query words(String field, String text) {
        List<List<String>> positions = tokens(field, text);
        if (positions.isEmpty()) {
            return null;
        }
        if (positions.size() == 1 && positions.get(0).size() == 1) {
            return new TermQuery(new Term(field, positions.get(0).get(0)));
        }
        if (positions.stream().allMatch(p -> p.size() == 1)) {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            positions.forEach(p -> phrase.add(new Term(field, p.get(0))));
            return phrase.build();
        }
        // several tokens at one position (alternatives): any of them may stand there
        MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
        positions.forEach(p -> phrase.add(p.stream().map(t -> new Term(field, t)).toArray(Term[]::new)));
        return phrase.build();
    }

    /** The text of a prefix as {@code field} holds it: folded like the field's words, not stemmed. */
    String normalised(String field, String prefix) {
        return analyzer.normalize(field, prefix).utf8ToString();
    }
}
