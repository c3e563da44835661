package io.alertwire.classifier.query;

import io.alertwire.classifier.query.QueryTokenizer.Kind;
import io.alertwire.classifier.query.QueryTokenizer.Token;
import java.util.Locale;
import java.util.regex.Pattern;

/** Builds the leaves of a query: words, prefixes and field filters, with their rules. */
final class QueryTerms {

    /** Latin-script and other prefixes need this many characters before '*': fewer match too much. */
    static final int MIN_PREFIX = 3;
    /** Korean, Chinese and Japanese characters carry more: two are specific enough (남북*). */
    static final int MIN_CJK_PREFIX = 2;

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");

    private QueryTerms() {
    }

    /** A word, or a prefix when it ends in '*'. */
    static QueryNode.Term term(String text, boolean title, int position) {
        int star = text.indexOf('*');
        if (star < 0) {
            return new QueryNode.Term(text, false, title, position);
        }
        if (star != text.length() - 1) {
            throw new QuerySyntaxException("'*' is allowed only at the end of a word", position + star);
        }
        String prefix = text.substring(0, star);
        int min = prefix.codePoints().anyMatch(QueryTerms::isCjk) ? MIN_CJK_PREFIX : MIN_PREFIX;
        if (prefix.codePoints().filter(Character::isLetterOrDigit).count() < min) {
            throw new QuerySyntaxException("a prefix needs at least " + MIN_PREFIX + " letters before '*' ("
                    + MIN_CJK_PREFIX + " Korean, Chinese or Japanese characters): a shorter one would match"
                    + " too many words", position);
        }
        return new QueryNode.Term(prefix, true, title, position);
    }

    /** {@code title:word}, {@code title:"phrase"}, {@code source:host}, {@code lang:code}. */
    static QueryNode field(Token field, Token value) {
        int position = field.position();
        boolean phrase = value.kind() == Kind.PHRASE;
        switch (field.text()) {
            case "title":
                return phrase ? new QueryNode.Phrase(value.text(), true, position)
                        : term(value.text(), true, value.position());
            case "lang":
                String language = value.text().strip().toLowerCase(Locale.ROOT);
                if (phrase || !LANGUAGE.matcher(language).matches()) {
                    throw new QuerySyntaxException("'lang:' needs a language code such as en or ko", position);
                }
                return new QueryNode.Filter(QueryNode.Filter.Field.LANG, language, position);
            default:
                return new QueryNode.Filter(QueryNode.Filter.Field.SOURCE, source(value), position);
        }
    }

    /** A host ({@code yna.co.kr}, also written as a URL) or a source name, as the index holds it. */
    private static String source(Token value) {
        int star = value.text().indexOf('*');
        if (star >= 0) {
            throw new QuerySyntaxException("'source:' takes a host or a source name, not a wildcard",
                    value.position() + star);
        }
        String source = value.text().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (value.kind() == Kind.WORD) {
            source = SCHEME.matcher(source).replaceFirst("");
            int slash = source.indexOf('/');
            source = (slash < 0 ? source : source.substring(0, slash)).replaceAll("\\.+$", "");
        }
        if (source.isEmpty()) {
            throw new QuerySyntaxException("'source:' needs a host such as yna.co.kr or a source name",
                    value.position());
        }
        return source;
    }

    static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }
}
