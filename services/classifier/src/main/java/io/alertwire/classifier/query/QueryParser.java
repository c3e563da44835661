package io.alertwire.classifier.query;

import io.alertwire.classifier.query.QueryTokenizer.Kind;
import io.alertwire.classifier.query.QueryTokenizer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of the topic query language (grammar in {@code package-info.java}).
 * Stateless entry point; each call parses one query.
 */
public final class QueryParser {

    /** A shorter prefix would expand to a large part of the vocabulary; two Hangul syllables are specific enough. */
    static final int MIN_PREFIX = 2;

    private final List<Token> tokens;
    private int next;

    private QueryParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses a query.
     *
     * @throws QuerySyntaxException with the position of the first error
     */
    public static QueryNode parse(String query) {
        if (query == null || query.isBlank()) {
            throw new QuerySyntaxException("empty query", 0);
        }
        QueryParser parser = new QueryParser(QueryTokenizer.tokenize(query));
        QueryNode node = parser.or();
        Token rest = parser.peek();
        if (rest.kind() == Kind.RPAREN) {
            throw new QuerySyntaxException("unbalanced parentheses: ')' has no matching '('", rest.position());
        }
        if (rest.kind() != Kind.EOF) {
            throw new QuerySyntaxException("unexpected " + rest.describe(), rest.position());
        }
        requirePositive(node);
        return node;
    }

    private QueryNode or() {
        List<QueryNode> clauses = new ArrayList<>();
        clauses.add(and());
        while (peek().kind() == Kind.OR) {
            Token op = take();
            requireOperand(op);
            clauses.add(and());
        }
        return clauses.size() == 1 ? clauses.get(0) : new QueryNode.Or(clauses, clauses.get(0).position());
    }

    private QueryNode and() {
        requireStart();
        List<QueryNode> clauses = new ArrayList<>();
        clauses.add(near());
        while (true) {
            if (peek().kind() == Kind.AND) {
                Token op = take();
                requireOperand(op);
                clauses.add(near());
            } else if (startsOperand(peek())) {
                clauses.add(near());
            } else {
                break;
            }
        }
        return clauses.size() == 1 ? clauses.get(0) : new QueryNode.And(clauses, clauses.get(0).position());
    }

    private QueryNode near() {
        QueryNode first = unary();
        if (peek().kind() != Kind.NEAR) {
            return first;
        }
        List<QueryNode> clauses = new ArrayList<>();
        clauses.add(first);
        int distance = Integer.MAX_VALUE;
        while (peek().kind() == Kind.NEAR) {
            Token op = take();
            requireOperand(op);
            distance = Math.min(distance, op.number());
            clauses.add(unary());
        }
        for (QueryNode clause : clauses) {
            if (!nearOperand(clause)) {
                throw new QuerySyntaxException(
                        "NEAR joins only words, phrases, prefixes or OR-groups of them", clause.position());
            }
        }
        return new QueryNode.Near(clauses, distance, first.position());
    }

    private QueryNode unary() {
        Token token = peek();
        if (token.kind() == Kind.NOT) {
            take();
            requireOperand(token);
            return new QueryNode.Not(unary(), token.position());
        }
        if (token.kind() == Kind.MINUS) {
            take();
            return new QueryNode.Not(primary(), token.position());
        }
        return primary();
    }

    private QueryNode primary() {
        Token token = take();
        switch (token.kind()) {
            case WORD:
                return term(token);
            case PHRASE:
                return new QueryNode.Phrase(token.text(), token.position());
            case LPAREN:
                if (peek().kind() == Kind.RPAREN) {
                    throw new QuerySyntaxException("empty parentheses", token.position());
                }
                QueryNode inner = or();
                if (peek().kind() != Kind.RPAREN) {
                    throw new QuerySyntaxException("unbalanced parentheses: '(' is never closed", token.position());
                }
                take();
                return inner;
            default:
                throw new QuerySyntaxException("expected a term but found " + token.describe(), token.position());
        }
    }

    private static QueryNode term(Token token) {
        String text = token.text();
        int star = text.indexOf('*');
        if (star < 0) {
            return new QueryNode.Term(text, false, token.position());
        }
        if (star != text.length() - 1) {
            throw new QuerySyntaxException("'*' is allowed only at the end of a word", token.position() + star);
        }
        String prefix = text.substring(0, star);
        if (prefix.codePointCount(0, prefix.length()) < MIN_PREFIX) {
            throw new QuerySyntaxException("a prefix needs at least " + MIN_PREFIX + " characters before '*'",
                    token.position());
        }
        return new QueryNode.Term(prefix, true, token.position());
    }

    /** Called where an operand must start: names the mistake precisely. */
    private void requireStart() {
        Token token = peek();
        if (startsOperand(token)) {
            return;
        }
        switch (token.kind()) {
            case OR, AND, NEAR -> throw new QuerySyntaxException(
                    "dangling operator " + token.describe() + ": it needs a term before it", token.position());
            case RPAREN -> throw new QuerySyntaxException(
                    "unbalanced parentheses: ')' has no matching '('", token.position());
            default -> throw new QuerySyntaxException(
                    "expected a term but found " + token.describe(), token.position());
        }
    }

    /** After an operator: there must be a term to apply it to. */
    private void requireOperand(Token operator) {
        if (!startsOperand(peek())) {
            throw new QuerySyntaxException("dangling operator " + operator.describe()
                    + ": it needs a term after it", operator.position());
        }
    }

    private static boolean startsOperand(Token token) {
        return switch (token.kind()) {
            case WORD, PHRASE, LPAREN, NOT, MINUS -> true;
            default -> false;
        };
    }

    private static boolean nearOperand(QueryNode node) {
        if (node instanceof QueryNode.Term || node instanceof QueryNode.Phrase) {
            return true;
        }
        return node instanceof QueryNode.Or or && or.clauses().stream().allMatch(QueryParser::nearOperand);
    }

    /** Refuses queries (or parts of them) that could match only by what they exclude. */
    private static void requirePositive(QueryNode node) {
        if (node instanceof QueryNode.Not not) {
            throw new QuerySyntaxException("a query needs at least one term that is not negated", not.position());
        } else if (node instanceof QueryNode.And and) {
            if (and.clauses().stream().allMatch(c -> c instanceof QueryNode.Not)) {
                throw new QuerySyntaxException("a query needs at least one term that is not negated",
                        and.position());
            }
            for (QueryNode clause : and.clauses()) {
                requirePositive(clause instanceof QueryNode.Not not ? not.clause() : clause);
            }
        } else if (node instanceof QueryNode.Or or) {
            or.clauses().forEach(QueryParser::requirePositive);
        } else if (node instanceof QueryNode.Near near) {
            near.clauses().forEach(QueryParser::requirePositive);
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.EOF) {
            next++;
        }
        return token;
    }
}
