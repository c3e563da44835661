package io.alertwire.classifier.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a query into {@link Token}s: words, phrases, field prefixes ({@code title:}, {@code source:},
 * {@code lang:}), parentheses and upper-case operators.
 */
final class QueryTokenizer {

    enum Kind { WORD, PHRASE, FIELD, LPAREN, RPAREN, AND, OR, NOT, MINUS, NEAR, ONEAR, EOF }

    /**
     * One token.
     *
     * @param text the word or phrase text, or the operator as written
     * @param number the distance of a {@code NEAR/n} or {@code ONEAR/n}, else 0
     * @param position 0-based offset in the query
     */
    record Token(Kind kind, String text, int number, int position) {
        String describe() {
            return switch (kind) {
                case EOF -> "the end of the query";
                case PHRASE -> "phrase \"" + text + "\"";
                case FIELD -> "'" + text + ":'";
                default -> "'" + text + "'";
            };
        }
    }

    private static final Pattern NEAR = Pattern.compile("O?NEAR/(\\d{1,3})");
    /** Field names are case-insensitive; anything else with a colon is an ordinary word. */
    private static final Pattern FIELD = Pattern.compile("(?i)(title|source|lang):(.*)", Pattern.DOTALL);
    private static final int MAX_NEAR = 100;

    private QueryTokenizer() {
    }

    static List<Token> tokenize(String query) {
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            // NUL and other control characters cannot be stored (PostgreSQL text) nor mean anything
            if (Character.isISOControl(c) && !Character.isWhitespace(c)) {
                throw new QuerySyntaxException(String.format("the query contains the control character U+%04X", (int) c),
                        i);
            }
        }
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.LPAREN, "(", 0, i++));
            } else if (c == ')') {
                tokens.add(new Token(Kind.RPAREN, ")", 0, i++));
            } else if (c == '"') {
                int end = query.indexOf('"', i + 1);
                if (end < 0) {
                    throw new QuerySyntaxException("unterminated phrase: the quote is never closed", i);
                }
                String text = query.substring(i + 1, end);
                if (text.isBlank()) {
                    throw new QuerySyntaxException("empty phrase", i);
                }
                tokens.add(new Token(Kind.PHRASE, text, 0, i));
                i = end + 1;
            } else if (c == '-') {
                // a '-' opening a token negates what follows; inside a word it is part of the word
                if (i + 1 >= n || Character.isWhitespace(query.charAt(i + 1)) || query.charAt(i + 1) == ')') {
                    throw new QuerySyntaxException("dangling operator '-': it must be followed by a term", i);
                }
                tokens.add(new Token(Kind.MINUS, "-", 0, i++));
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(query.charAt(i)) && "()\"".indexOf(query.charAt(i)) < 0) {
                    i++;
                }
                String word = query.substring(start, i);
                Matcher field = FIELD.matcher(word);
                if (!field.matches()) {
                    tokens.add(word(word, start));
                    continue;
                }
                String name = field.group(1).toLowerCase(Locale.ROOT);
                String value = field.group(2);
                if (value.isEmpty() && (i >= n || query.charAt(i) != '"')) {
                    throw new QuerySyntaxException("'" + name + ":' needs a word or a quoted phrase right after the"
                            + " colon (a filter applies to one word or phrase, not to a group)", start);
                }
                tokens.add(new Token(Kind.FIELD, name, 0, start));
                if (!value.isEmpty()) {
                    // the value is always a word, even when it reads like an operator (title:OR)
                    tokens.add(new Token(Kind.WORD, value, 0, start + name.length() + 1));
                }
            }
        }
        tokens.add(new Token(Kind.EOF, "", 0, n));
        return tokens;
    }

    private static Token word(String word, int position) {
        switch (word) {
            case "AND":
                return new Token(Kind.AND, word, 0, position);
            case "OR":
                return new Token(Kind.OR, word, 0, position);
            case "NOT":
                return new Token(Kind.NOT, word, 0, position);
            default:
                break;
        }
        if (word.startsWith("NEAR/") || word.startsWith("ONEAR/")) {
            String operator = word.substring(0, word.indexOf('/'));
            Matcher near = NEAR.matcher(word);
            if (!near.matches() || Integer.parseInt(near.group(1)) < 1
                    || Integer.parseInt(near.group(1)) > MAX_NEAR) {
                throw new QuerySyntaxException(operator + " needs a distance from 1 to " + MAX_NEAR + ", e.g. "
                        + operator + "/10", position);
            }
            return new Token(operator.equals("NEAR") ? Kind.NEAR : Kind.ONEAR, word,
                    Integer.parseInt(near.group(1)), position);
        }
        return new Token(Kind.WORD, word, 0, position);
    }
}
