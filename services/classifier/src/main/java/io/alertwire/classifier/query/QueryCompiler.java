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
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a parsed query into a Lucene {@link Query} over one analysed field. Words and phrases are
 * run through the same {@link Analyzer} as the articles, so both sides agree on word forms.
 */
public final class QueryCompiler {

    private final Analyzer analyzer;
    private final String field;

    /**
     * @param analyzer the analyser the articles are indexed with
     * @param field the field bare terms search
     */
    public QueryCompiler(Analyzer analyzer, String field) {
        this.analyzer = analyzer;
        this.field = field;
    }

    /** Parses and compiles a query string. */
    public Query compile(String query) {
        return compile(QueryParser.parse(query));
    }

    public Query compile(QueryNode node) {
        if (node instanceof QueryNode.Term term) {
            return term.prefix() ? prefix(term) : words(term.text(), term.position());
        } else if (node instanceof QueryNode.Phrase phrase) {
            return words(phrase.text(), phrase.position());
        } else if (node instanceof QueryNode.And and) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder();
            for (QueryNode clause : and.clauses()) {
                if (clause instanceof QueryNode.Not not) {
                    builder.add(compile(not.clause()), BooleanClause.Occur.MUST_NOT);
                } else {
                    builder.add(compile(clause), BooleanClause.Occur.MUST);
                }
            }
            return builder.build();
        } else if (node instanceof QueryNode.Or or) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder();
            for (QueryNode clause : or.clauses()) {
                builder.add(compile(clause), BooleanClause.Occur.SHOULD);
            }
            return builder.build();
        } else if (node instanceof QueryNode.Near near) {
            List<IntervalsSource> sources = near.clauses().stream().map(this::intervals).toList();
            return new IntervalQuery(field, Intervals.maxgaps(near.distance(), Intervals.unordered(
                    sources.toArray(IntervalsSource[]::new))));
        } else if (node instanceof QueryNode.Not not) {
            // the parser refuses a bare NOT; reaching here is a bug in the parser
            throw new QuerySyntaxException("a query needs at least one term that is not negated", not.position());
        }
        throw new IllegalArgumentException("unknown query node " + node);
    }

    private Query words(String text, int position) {
        List<List<String>> positions = analyse(text, position);
        if (positions.size() == 1 && positions.get(0).size() == 1) {
            return new TermQuery(new Term(field, positions.get(0).get(0)));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int i = 0; i < positions.size(); i++) {
            for (String token : positions.get(i)) {
                phrase.add(new Term(field, token), i);
            }
        }
        return phrase.build();
    }

    private Query prefix(QueryNode.Term term) {
        return new PrefixQuery(new Term(field, normalised(term)));
    }

    private IntervalsSource intervals(QueryNode node) {
        if (node instanceof QueryNode.Term term && term.prefix()) {
            return Intervals.prefix(normalised(term));
        } else if (node instanceof QueryNode.Term term) {
            return phraseIntervals(analyse(term.text(), term.position()));
        } else if (node instanceof QueryNode.Phrase phrase) {
            return phraseIntervals(analyse(phrase.text(), phrase.position()));
        } else if (node instanceof QueryNode.Or or) {
            return Intervals.or(or.clauses().stream().map(this::intervals).toArray(IntervalsSource[]::new));
        }
        throw new QuerySyntaxException("NEAR joins only words, phrases, prefixes or OR-groups of them",
                node.position());
    }

    private static IntervalsSource phraseIntervals(List<List<String>> positions) {
        IntervalsSource[] parts = positions.stream()
                .map(tokens -> tokens.size() == 1 ? Intervals.term(tokens.get(0))
                        : Intervals.or(tokens.stream().map(Intervals::term).toArray(IntervalsSource[]::new)))
                .toArray(IntervalsSource[]::new);
        return parts.length == 1 ? parts[0] : Intervals.phrase(parts);
    }

    private BytesRef normalised(QueryNode.Term term) {
        BytesRef bytes = analyzer.normalize(field, term.text());
        if (bytes.length == 0) {
            throw new QuerySyntaxException("the prefix '" + term.text() + "*' contains no searchable word",
                    term.position());
        }
        return bytes;
    }

    /** The analysed tokens of {@code text}, grouped by position (synonyms would share one). */
    private List<List<String>> analyse(String text, int position) {
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
        if (positions.isEmpty()) {
            throw new QuerySyntaxException("'" + text + "' contains no searchable word", position);
        }
        return positions;
    }
}
