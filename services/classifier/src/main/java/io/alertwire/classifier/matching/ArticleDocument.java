package io.alertwire.classifier.matching;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/**
 * The Lucene document of one article, and the original text of each field that highlights are
 * cut from.
 *
 * @param document the fields of the article's one {@link Analysis}, plus source and language; its
 *     text fields are token streams of the text analysed once, which can be indexed repeatedly
 * @param sources field name → the text it was analysed from (the text fields only)
 * @param analysis how the article's text was analysed
 */
record ArticleDocument(Document document, Map<String, String> sources, Analysis analysis) {

    static ArticleDocument of(ArticleText article) {
        String text = article.text();
        Analysis analysis = Analysis.forArticle(article.language(), text);
        Document document = new Document();
        document.add(new TextField(analysis.titleField(), article.title(), Field.Store.NO));
        // analysed once: the text, prefix and pairs fields replay the same tokens (see AnalysedText)
        AnalysedText words = AnalysedText.of(ArticleFields.analyzer(), analysis.textField(), text);
        document.add(new TextField(analysis.textField(), words.replay()));
        document.add(new TextField(analysis.prefixField(), PrefixAnalyzer.heads(words.replay())));
        document.add(new TextField(analysis.pairsField(), PairsAnalyzer.pairs(words.replay())));
        String sources = String.join("\n", sourceValues(article.url(), article.sourceName()));
        if (!sources.isEmpty()) {
            document.add(new TextField(ArticleFields.SOURCE, sources, Field.Store.NO));
        }
        if (article.language() != null && !article.language().isBlank()) {
            document.add(new TextField(ArticleFields.LANGUAGE, article.language().strip(), Field.Store.NO));
        }
        return new ArticleDocument(document,
                Map.of(analysis.titleField(), article.title(), analysis.textField(), text), analysis);
    }

    /**
     * What {@code source:} matches: the URL's host and each parent domain with at least two labels
     * ({@code www.yna.co.kr}, {@code yna.co.kr}, {@code co.kr}), the source's name as a whole, and
     * each word of the name. All lower case.
     */
    static Set<String> sourceValues(String url, String sourceName) {
        Set<String> values = new LinkedHashSet<>();
        String host = host(url);
        if (host != null) {
            values.add(host);
            for (int dot = host.indexOf('.'); dot >= 0 && host.indexOf('.', dot + 1) >= 0;
                    dot = host.indexOf('.', dot + 1)) {
                values.add(host.substring(dot + 1));
            }
        }
        if (sourceName != null && !sourceName.isBlank()) {
            String name = sourceName.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            values.add(name);
            for (String word : name.split("[^\\p{L}\\p{N}.]+")) {
                if (!word.isEmpty()) {
                    values.add(word);
                }
            }
        }
        return values;
    }

    private static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
