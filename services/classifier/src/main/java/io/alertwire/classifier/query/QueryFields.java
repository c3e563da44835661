package io.alertwire.classifier.query;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/**
 * What the compiler needs to know of the article index: its analyser and field names.
 *
 * @param analyzer analyses every field below (per field)
 * @param analysed one entry per way of analysing text; a word is searched in all of them
 * @param sourceField exact values searched by {@code source:}
 * @param languageField exact values searched by {@code lang:}
 */
public record QueryFields(Analyzer analyzer, List<Analysed> analysed, String sourceField, String languageField) {

    public QueryFields {
        analysed = List.copyOf(analysed);
    }

    /**
     * The fields of one analysis.
     *
     * @param text title and body
     * @param title the title alone
     * @param prefix the heads of the text's tokens, {@value QueryCompiler#LONG_HEAD} characters
     *     (and {@value QueryCompiler#SHORT_HEAD} for short prefixes)
     * @param pairs each two adjacent tokens of the text as one term, joined by {@link #PAIR_SEPARATOR}
     */
    public record Analysed(String text, String title, String prefix, String pairs) {

        /** What joins the two words of a pair term (analysed tokens never hold a space). */
        public static final char PAIR_SEPARATOR = ' ';
    }
}
