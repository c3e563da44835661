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
     */
    public record Analysed(String text, String title, String prefix) {
    }
}
