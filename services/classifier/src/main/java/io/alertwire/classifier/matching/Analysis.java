package io.alertwire.classifier.matching;

import java.util.Locale;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;

/**
 * The ways article text is analysed. An article is indexed with exactly one of them, chosen by its
 * language ({@link #forArticle}); a query word is compiled into a disjunction over all of them,
 * each analysing the word its own way, so a topic matches articles in any language.
 */
public enum Analysis {

    /** English and Latin-script text of unknown language: {@link EnglishTextAnalyzer}. */
    EN("en", EnglishTextAnalyzer::new),
    /** Korean: Nori, {@link KoreanTextAnalyzer}. */
    KO("ko", KoreanTextAnalyzer::new),
    /** Every other language: ICU folding and CJK bigrams, {@link FoldingTextAnalyzer}. */
    ICU("icu", FoldingTextAnalyzer::new);

    /** How many letters {@link #forArticle} looks at to guess the script of a text of unknown language. */
    private static final int SCRIPT_SAMPLE = 2000;

    private final String suffix;
    private final Supplier<Analyzer> analyzer;

    Analysis(String suffix, Supplier<Analyzer> analyzer) {
        this.suffix = suffix;
        this.analyzer = analyzer;
    }

    /** Title, summary and content: what a bare query word searches. */
    public String textField() {
        return "text_" + suffix;
    }

    /** The headline alone: what {@code title:} searches. */
    public String titleField() {
        return "title_" + suffix;
    }

    /** The heads of the text's tokens ({@link PrefixAnalyzer}): what lets prefixes be pre-filtered. */
    public String prefixField() {
        return "text_" + suffix + "_prefix";
    }

    /** Every two adjacent tokens of the text as one term ({@link PairsAnalyzer}): what lets phrases be pre-filtered. */
    public String pairsField() {
        return "text_" + suffix + "_pairs";
    }

    Analyzer newAnalyzer() {
        return analyzer.get();
    }

    /**
     * The analysis for an article: by its language when known ({@code en}, {@code ko}, any other),
     * else by the script most of its letters are in (Hangul → Korean; Han or Kana → ICU; Latin →
     * English; anything else → ICU).
     */
    public static Analysis forArticle(String language, String text) {
        if (language != null && !language.isBlank()) {
            return switch (language.toLowerCase(Locale.ROOT)) {
                case "en" -> EN;
                case "ko" -> KO;
                default -> ICU;
            };
        }
        int hangul = 0;
        int latin = 0;
        int other = 0;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < SCRIPT_SAMPLE; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            seen++;
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.HANGUL) {
                hangul++;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
            } else {
                other++;
            }
        }
        if (hangul > 0 && hangul >= latin && hangul >= other) {
            return KO;
        }
        return latin >= other ? EN : ICU;
    }
}
