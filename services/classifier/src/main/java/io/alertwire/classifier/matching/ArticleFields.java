package io.alertwire.classifier.matching;

import io.alertwire.classifier.query.QueryFields;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * The fields of the Lucene document that represents an article, and the analyser of each.
 *
 * <p>Per {@link Analysis}: {@code text_<a>} (title + summary + content), {@code title_<a>},
 * {@code text_<a>_prefix} and {@code text_<a>_pairs}; an article fills those of its one analysis.
 * Plus {@link #SOURCE} and {@link #LANGUAGE}, exact values for the {@code source:} and {@code lang:} filters.
 */
public final class ArticleFields {

    /** The host of the article's URL, its parent domains, and its source's name and words. */
    public static final String SOURCE = "source";
    /** The article's declared language (ISO 639-1), absent when unknown. */
    public static final String LANGUAGE = "lang";

    private static final Analyzer ANALYZER = buildAnalyzer();
    private static final QueryFields QUERY_FIELDS = new QueryFields(ANALYZER,
            Arrays.stream(Analysis.values())
                    .map(a -> new QueryFields.Analysed(a.textField(), a.titleField(), a.prefixField(),
                            a.pairsField()))
                    .toList(),
            SOURCE, LANGUAGE);

    private ArticleFields() {
    }

    /** The analyser of every article field (a {@link PerFieldAnalyzerWrapper}); thread-safe. */
    public static Analyzer analyzer() {
        return ANALYZER;
    }

    /** The fields as the query compiler sees them. */
    public static QueryFields queryFields() {
        return QUERY_FIELDS;
    }

    private static Analyzer buildAnalyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        for (Analysis analysis : Analysis.values()) {
            Analyzer words = analysis.newAnalyzer();
            perField.put(analysis.textField(), words);
            perField.put(analysis.titleField(), words);
            perField.put(analysis.prefixField(), new PrefixAnalyzer(words));
            perField.put(analysis.pairsField(), new PairsAnalyzer(words));
        }
        LineAnalyzer lines = new LineAnalyzer();
        perField.put(SOURCE, lines);
        perField.put(LANGUAGE, lines);
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
    }
}
