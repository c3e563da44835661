package io.alertwire.classifier.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Turns a parsed query into a Lucene {@link Query} over the article fields ({@link QueryFields}).
 * Every word, phrase, prefix and NEAR becomes a disjunction over the analysed fields, each part
 * analysed by that field's analyser, so one query matches articles in every language. A prefix
 * also requires its head in the field's prefix field, and a phrase its adjacent word pairs in the
 * pairs field, so that the Monitor can pre-filter them; neither changes what matches.
 */
public final class QueryCompiler {

    /** Head length of a Korean, Chinese or Japanese prefix (must equal the index's short heads). */
    public static final int SHORT_HEAD = 2;
    /** Head length of every longer prefix (must equal the index's long heads). */
    public static final int LONG_HEAD = 3;
    /** A compiled query with more leaf clauses is refused: Lucene refuses to run more than 1024. */
    static final int MAX_CLAUSES = 900;

    private final QueryFields fields;
    private final FieldAnalysis analysis;

    public QueryCompiler(QueryFields fields) {
        this.fields = fields;
        this.analysis = new FieldAnalysis(fields.analyzer());
    }

    /** Parses and compiles a query string. */
    public Query compile(String query) {
        Query compiled = compile(QueryParser.parse(query));
        int clauses = clauses(compiled);
        if (clauses > MAX_CLAUSES) {
            throw new QuerySyntaxException("the query is too large: it expands to " + clauses
                    + " search clauses (at most " + MAX_CLAUSES + "); split it into several topics", 0);
        }
        return compiled;
    }

    public Query compile(QueryNode node) {
        if (node instanceof QueryNode.Term term) {
            return term.prefix() ? inAnyField(node, a -> prefix(a, term))
                    : inAnyField(node, a -> words(a, term.title(), term.text()));
        } else if (node instanceof QueryNode.Phrase phrase) {
            return inAnyField(node, a -> words(a, phrase.title(), phrase.text()));
        } else if (node instanceof QueryNode.Filter filter) {
            String field = filter.field() == QueryNode.Filter.Field.LANG ? fields.languageField()
                    : fields.sourceField();
            return new TermQuery(new Term(field, filter.value()));
        } else if (node instanceof QueryNode.And and) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder();
            for (QueryNode clause : and.clauses()) {
                if (clause instanceof QueryNode.Not not) {
                    builder.add(compile(not.clause()), Occur.MUST_NOT);
                } else {
                    // filters narrow, they do not make an article more relevant
                    builder.add(compile(clause), clause instanceof QueryNode.Filter ? Occur.FILTER : Occur.MUST);
                }
            }
            return builder.build();
        } else if (node instanceof QueryNode.Or or) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder();
            or.clauses().forEach(clause -> builder.add(compile(clause), Occur.SHOULD));
            return builder.build();
        } else if (node instanceof QueryNode.Near near) {
            return inAnyField(node, a -> near(a, near));
        }
        // the parser refuses a bare NOT; reaching here is a bug in the parser
        throw new QuerySyntaxException("a query needs at least one term that is not negated", node.position());
    }

    /** The disjunction of {@code perField} over the analysed fields; an error when none can search it. */
    private Query inAnyField(QueryNode node, Function<QueryFields.Analysed, Query> perField) {
        List<Query> queries = new ArrayList<>();
        for (QueryFields.Analysed analysed : fields.analysed()) {
            Query query = perField.apply(analysed);
            if (query != null) {
                queries.add(query);
            }
        }
        if (queries.isEmpty()) {
            throw new QuerySyntaxException(describe(node) + " contains no searchable word", node.position());
        }
        if (queries.size() == 1) {
            return queries.get(0);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        queries.forEach(q -> any.add(q, Occur.SHOULD));
        return any.build();
    }

    /**
     * A word or phrase in the title or the text. A phrase in the text also requires each two of its
     * words that stand next to each other as a term of the pairs field: that lets the Monitor pre-filter
     * "maria garcia" by the pair rather than by "maria" and "garcia" apart, which many more
     * articles hold. It matches and scores exactly as the phrase alone (the pairs only filter).
     */
    private Query words(QueryFields.Analysed analysed, boolean title, String text) {
        if (title) {
            return analysis.words(analysed.title(), text);
        }
        Query words = analysis.words(analysed.text(), text);
        Query pairs = pairs(analysed, words);
        return pairs == null ? words : new BooleanQuery.Builder().add(words, Occur.MUST).add(pairs, Occur.FILTER).build();
    }

    /** Every pair of adjacent words of a text phrase, as pairs-field terms all required; {@code null} for none. */
    private static Query pairs(QueryFields.Analysed analysed, Query words) {
        if (!(words instanceof PhraseQuery phrase)) {
            return null; // a single word, or a phrase with alternatives at a position
        }
        Term[] terms = phrase.getTerms();
        int[] positions = phrase.getPositions();
        List<Term> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < terms.length; i++) {
            if (positions[i + 1] == positions[i] + 1) {
                pairs.add(new Term(analysed.pairs(), terms[i].text() + QueryFields.Analysed.PAIR_SEPARATOR
                        + terms[i + 1].text()));
            }
        }
        if (pairs.size() <= 1) {
            return pairs.isEmpty() ? null : new TermQuery(pairs.get(0));
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        pairs.forEach(pair -> all.add(new TermQuery(pair), Occur.FILTER));
        return all.build();
    }

    private Query prefix(QueryFields.Analysed analysed, QueryNode.Term term) {
        String field = term.title() ? analysed.title() : analysed.text();
        Term head = head(analysed, field, term.text());
        if (head == null) {
            return null;
        }
        String prefix = analysis.normalised(field, term.text());
        return new BooleanQuery.Builder()
                .add(new PrefixQuery(new Term(field, prefix)), Occur.MUST)
                .add(new TermQuery(head), Occur.FILTER)
                .build();
    }

    /**
     * The first {@value #LONG_HEAD} (or, for a shorter prefix, {@value #SHORT_HEAD}) characters of a
     * prefix in the prefix field: every word the prefix matches has this head there. The title is
     * part of the text, so the text's prefix field serves {@code title:} prefixes too.
     */
    private Term head(QueryFields.Analysed analysed, String field, String text) {
        String prefix = analysis.normalised(field, text);
        int length = prefix.codePointCount(0, prefix.length());
        if (length < SHORT_HEAD) {
            return null;
        }
        int head = Math.min(length, LONG_HEAD);
        return new Term(analysed.prefix(), prefix.substring(0, prefix.offsetByCodePoints(0, head)));
    }

    private Query near(QueryFields.Analysed analysed, QueryNode.Near near) {
        String field = titled(near.clauses().get(0)) ? analysed.title() : analysed.text();
        List<IntervalsSource> sources = new ArrayList<>();
        for (QueryNode clause : near.clauses()) {
            IntervalsSource source = intervals(field, clause);
            if (source == null) {
                return null;
            }
            sources.add(source);
        }
        IntervalsSource[] parts = sources.toArray(IntervalsSource[]::new);
        Query query = new IntervalQuery(field, Intervals.maxgaps(near.distance(),
                near.ordered() ? Intervals.ordered(parts) : Intervals.unordered(parts)));
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(query, Occur.MUST);
        int required = 0;
        for (QueryNode clause : near.clauses()) {
            Query presence = presence(analysed, field, clause);
            if (presence != null) {
                all.add(presence, Occur.FILTER);
                required++;
            }
        }
        return required == 0 ? query : all.build();
    }

    /**
     * What a NEAR clause cannot match without, for the Monitor to pre-filter it by; {@code null} when
     * the interval query's own words say enough. The Monitor reads no terms from a prefix inside
     * intervals, so a clause with a prefix requires its head (and, in an OR-group, the other
     * alternatives' words); a phrase in the text requires its word pairs. Plain words are not
     * repeated here: the presearcher, seeing the same word twice, would pick it in both its passes.
     */
    private Query presence(QueryFields.Analysed analysed, String field, QueryNode clause) {
        if (clause instanceof QueryNode.Or or) {
            return hasPrefix(or) ? anyPresent(analysed, field, or) : null;
        } else if (clause instanceof QueryNode.Term term && term.prefix()) {
            return headOf(analysed, field, term);
        }
        return field.equals(analysed.text()) ? pairs(analysed, analysis.words(field, text(clause))) : null;
    }

    /** An OR-group's alternatives as the Monitor can see them: heads of prefixes, words or word pairs. */
    private Query anyPresent(QueryFields.Analysed analysed, String field, QueryNode.Or or) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int added = 0;
        for (QueryNode c : or.clauses()) {
            Query p;
            if (c instanceof QueryNode.Or nested) {
                p = anyPresent(analysed, field, nested);
            } else if (c instanceof QueryNode.Term term && term.prefix()) {
                p = headOf(analysed, field, term);
            } else {
                Query words = analysis.words(field, text(c));
                Query pairs = field.equals(analysed.text()) ? pairs(analysed, words) : null;
                p = pairs != null ? pairs : words;
            }
            if (p != null) {
                any.add(p, Occur.SHOULD);
                added++;
            }
        }
        return added == 0 ? null : any.build();
    }

    private Query headOf(QueryFields.Analysed analysed, String field, QueryNode.Term prefix) {
        Term head = head(analysed, field, prefix.text());
        return head == null ? null : new TermQuery(head);
    }

    private static boolean hasPrefix(QueryNode node) {
        if (node instanceof QueryNode.Term term) {
            return term.prefix();
        }
        return node instanceof QueryNode.Or or && or.clauses().stream().anyMatch(QueryCompiler::hasPrefix);
    }

    private IntervalsSource intervals(String field, QueryNode node) {
        if (node instanceof QueryNode.Term term && term.prefix()) {
            String prefix = analysis.normalised(field, term.text());
            // as short as prefix() refuses: both must agree on where a prefix can match
            return prefix.codePointCount(0, prefix.length()) < SHORT_HEAD ? null
                    : Intervals.prefix(new BytesRef(prefix));
        } else if (node instanceof QueryNode.Term || node instanceof QueryNode.Phrase) {
            return phraseIntervals(analysis.tokens(field, text(node)));
        } else if (node instanceof QueryNode.Or or) {
            List<IntervalsSource> any = new ArrayList<>();
            for (QueryNode clause : or.clauses()) {
                IntervalsSource source = intervals(field, clause);
                if (source != null) {
                    any.add(source);
                }
            }
            return any.isEmpty() ? null : any.size() == 1 ? any.get(0) : Intervals.or(any.toArray(IntervalsSource[]::new));
        }
        throw new QuerySyntaxException("NEAR and ONEAR join only words, phrases, prefixes or OR-groups of them",
                node.position());
    }

    private static IntervalsSource phraseIntervals(List<List<String>> positions) {
        if (positions.isEmpty()) {
            return null;
        }
        IntervalsSource[] parts = positions.stream()
                .map(tokens -> tokens.size() == 1 ? Intervals.term(tokens.get(0))
                        : Intervals.or(tokens.stream().map(Intervals::term).toArray(IntervalsSource[]::new)))
                .toArray(IntervalsSource[]::new);
        return parts.length == 1 ? parts[0] : Intervals.phrase(parts);
    }

    private static boolean titled(QueryNode node) {
        if (node instanceof QueryNode.Term term) {
            return term.title();
        } else if (node instanceof QueryNode.Phrase phrase) {
            return phrase.title();
        }
        return node instanceof QueryNode.Or or && titled(or.clauses().get(0));
    }

    private static String text(QueryNode node) {
        if (node instanceof QueryNode.Term term) {
            return term.text();
        } else if (node instanceof QueryNode.Phrase phrase) {
            return phrase.text();
        }
        return "";
    }

    private static String describe(QueryNode node) {
        String text = text(node);
        return text.isEmpty() ? "this part" : "'" + text + "'";
    }

    /** The leaf clauses a query expands to, counted the way Lucene's clause limit counts them. */
    private static int clauses(Query query) {
        int[] count = {0};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                count[0] += terms.length;
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                count[0]++;
            }

            @Override
            public void visitLeaf(Query q) {
                count[0]++;
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }
        });
        return count[0];
    }
}
