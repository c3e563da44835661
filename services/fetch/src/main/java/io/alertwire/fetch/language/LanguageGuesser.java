package io.alertwire.fetch.language;

import io.alertwire.events.ArticleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Guesses an article's language (ISO 639-1) from its text when the feed declares none, with
 * Apache OpenNLP's language detector and its 103-language model (langdetect-183). See the package
 * docs for accuracy and cost.
 */
@ApplicationScoped
public class LanguageGuesser {

    /** Enough text to tell a language; more only costs time. */
    private static final int MAX_CHARS = 2000;
    /** Below this many letters the guess is a coin toss; leave the language unknown. */
    private static final int MIN_LETTERS = 20;
    private static final Map<String, String> TWO_LETTER = twoLetterCodes();

    private volatile LanguageDetectorModel model;

    /** The article with its language guessed when it has none; unchanged otherwise. */
    public ArticleEvent fillIn(ArticleEvent article) {
        if (article.language() != null) {
            return article;
        }
        String guessed = guess(String.join("\n", nonNull(article.title()), nonNull(article.summary()),
                nonNull(article.content())));
        if (guessed == null) {
            return article;
        }
        return new ArticleEvent(article.articleId(), article.url(), article.canonicalUrl(), article.sourceId(),
                article.sourceName(), article.title(), article.summary(), article.content(), guessed,
                article.publishedAt(), article.fetchedAt(), article.authors(), article.categories());
    }

    /** The ISO 639-1 code of the text's most likely language, or null for too little text. */
    public String guess(String text) {
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        if (sample.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return null;
        }
        // LanguageDetectorME keeps per-call state; the model is shared and read-only
        Language best = new LanguageDetectorME(model()).predictLanguage(sample);
        return TWO_LETTER.get(best.getLang());
    }

    private LanguageDetectorModel model() {
        LanguageDetectorModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = load();
                }
                loaded = model;
            }
        }
        return loaded;
    }

    private static LanguageDetectorModel load() {
        try (InputStream in = LanguageGuesser.class.getClassLoader().getResourceAsStream("langdetect-183.bin")) {
            if (in == null) {
                throw new IllegalStateException("langdetect-183.bin is not on the classpath");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the language model", e);
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** ISO 639-3 (the model's codes) to ISO 639-1; macrolanguage members map to their macrolanguage. */
    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                // the JDK still lists the withdrawn codes of Hebrew, Indonesian and Yiddish
                String current = switch (two) {
                    case "iw" -> "he";
                    case "in" -> "id";
                    case "ji" -> "yi";
                    default -> two;
                };
                codes.put(new Locale(two).getISO3Language(), current);
            } catch (java.util.MissingResourceException e) {
                // no three-letter code known for it
            }
        }
        codes.putAll(Map.ofEntries(Map.entry("cmn", "zh"), Map.entry("pes", "fa"), Map.entry("zsm", "ms"),
                Map.entry("ekk", "et"), Map.entry("lvs", "lv"), Map.entry("swh", "sw"), Map.entry("azj", "az"),
                Map.entry("khk", "mn"), Map.entry("npi", "ne"), Map.entry("ory", "or"), Map.entry("pnb", "pa"),
                Map.entry("als", "sq"), Map.entry("arb", "ar"), Map.entry("uzn", "uz"), Map.entry("ydd", "yi"),
                Map.entry("nob", "nb"), Map.entry("tgl", "tl"), Map.entry("fil", "tl"), Map.entry("gug", "gn"),
                Map.entry("plt", "mg"), Map.entry("quz", "qu"), Map.entry("ckb", "ku"), Map.entry("kmr", "ku")));
        return Map.copyOf(codes);
    }
}
