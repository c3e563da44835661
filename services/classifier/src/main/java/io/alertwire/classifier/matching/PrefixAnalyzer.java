package io.alertwire.classifier.matching;

import io.alertwire.classifier.query.QueryCompiler;
import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Indexes the first {@value #SHORT} and {@value #LONG} characters of every token another analyser
 * produces. Lucene Monitor cannot pre-filter on a prefix query (it would be a candidate for every
 * article), so a compiled prefix query also requires the prefix's head in this field: a plain
 * term the presearcher can index.
 */
final class PrefixAnalyzer extends DerivedWordsAnalyzer {

    /** Heads of Korean, Chinese or Japanese prefixes: what the compiler looks up for short prefixes. */
    static final int SHORT = QueryCompiler.SHORT_HEAD;
    /** Heads of every other prefix. */
    static final int LONG = QueryCompiler.LONG_HEAD;

    PrefixAnalyzer(Analyzer words) {
        super(words);
    }

    @Override
    TokenStream derive(TokenStream words) {
        return heads(words);
    }

    /** The heads of the tokens of {@code words}, as this analyser indexes them. */
    static TokenStream heads(TokenStream words) {
        return new HeadsFilter(words);
    }

    /** For each token: its {@value #SHORT}-character head, then (same position) its {@value #LONG}-character head. */
    private static final class HeadsFilter extends TokenFilter {

        private final CharTermAttribute chars = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private String pending;

        HeadsFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (pending != null) {
                chars.setEmpty().append(pending);
                increment.setPositionIncrement(0);
                pending = null;
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            String token = chars.toString();
            String shortHead = head(token, SHORT);
            String longHead = head(token, LONG);
            chars.setEmpty().append(shortHead);
            pending = longHead.equals(shortHead) ? null : longHead;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending = null;
        }
    }

    /** The first {@code n} code points of {@code s} (all of it when shorter). */
    static String head(String s, int n) {
        return s.codePointCount(0, s.length()) <= n ? s : s.substring(0, s.offsetByCodePoints(0, n));
    }
}
