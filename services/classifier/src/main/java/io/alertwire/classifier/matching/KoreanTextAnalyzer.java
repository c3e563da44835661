package io.alertwire.classifier.matching;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;

/**
 * Korean with Lucene's Nori morphological analyser: words are split into morphemes and particles
 * and endings dropped, so 북한이, 북한은 and 북한의 all index 북한, and 남북회담 indexes 남북 + 회담
 * (a query for 남북회담 becomes the phrase "남북 회담"). Hanja are read as Hangul (北 → 북); Latin
 * words inside Korean text are lower-cased but not stemmed.
 *
 * <p>Dropped particles would leave gaps between positions; {@link CloseGapsFilter} closes them so
 * the phrase "북한 대화" matches "북한이 대화를" as users expect.
 */
final class KoreanTextAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        KoreanTokenizer source = new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, null,
                KoreanTokenizer.DecompoundMode.DISCARD, false);
        TokenStream stream = new KoreanPartOfSpeechStopFilter(source);
        stream = new KoreanReadingFormFilter(stream);
        stream = new CJKWidthFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new CloseGapsFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new CJKWidthFilter(in));
    }
}
