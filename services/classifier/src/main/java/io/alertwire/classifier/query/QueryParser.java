package io.alertwire.classifier.query;

import io.alertwire.classifier.query.QueryTokenizer.Kind;
import io.alertwire.classifier.query.QueryTokenizer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of the topic query language (grammar in {@code package-info.java}).
 * Stateless entry point; each call parses one query. Whole-query rules (a positive term, a word
 * to pre-filter on) are checked afterwards by {@link QueryChecks}.
 */
public final class QueryParser {

    /** Deeper nesting (parentheses, NOT) is refused: no real topic needs it, and it bounds recursion. */
    static final int MAX_DEPTH = 32;
    /** More words, phrases, prefixes and filters are refused: they would exceed Lucene's clause limit. */
    static final int MAX_TERMS = 200;

    private final List<Token> tokens;
    private int next;
    private int depth;
    private int terms;

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
        QueryChecks.requirePositive(node);
        QueryChecks.requireAnchored(node);
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
        Kind kind = peek().kind();
        if (kind != Kind.NEAR && kind != Kind.ONEAR) {
            return first;
        }
        List<QueryNode> clauses = new ArrayList<>();
        clauses.add(first);
        int distance = Integer.MAX_VALUE;
        while (peek().kind() == Kind.NEAR || peek().kind() == Kind.ONEAR) {
            Token op = take();
            if (op.kind() != kind) {
                throw new QuerySyntaxException("NEAR and ONEAR cannot be mixed in one chain: use one of them",
                        op.position());
            }
            requireOperand(op);
            distance = Math.min(distance, op.number());
            clauses.add(unary());
        }
        QueryChecks.requireNearOperands(clauses);
        return new QueryNode.Near(clauses, distance, kind == Kind.ONEAR, first.position());
    }

    private QueryNode unary() {
        Token token = peek();
        if (token.kind() == Kind.NOT) {
            take();
            requireOperand(token);
            enter(token);
            QueryNode clause = unary();
            depth--;
            return new QueryNode.Not(clause, token.position());
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
                count(token);
                return QueryTerms.term(token.text(), false, token.position());
            case PHRASE:
                count(token);
                return new QueryNode.Phrase(token.text(), token.position());
            case FIELD:
                count(token);
                return QueryTerms.field(token, take());
            case LPAREN:
                if (peek().kind() == Kind.RPAREN) {
                    throw new QuerySyntaxException("empty parentheses", token.position());
                }
                enter(token);
                QueryNode inner = or();
                depth--;
                if (peek().kind() != Kind.RPAREN) {
                    throw new QuerySyntaxException("unbalanced parentheses: '(' is never closed", token.position());
                }
                take();
                return inner;
            default:
                throw new QuerySyntaxException("expected a term but found " + token.describe(), token.position());
        }
    }

    private void enter(Token token) {
        if (++depth > MAX_DEPTH) {
            throw new QuerySyntaxException("the query is nested too deeply (at most " + MAX_DEPTH
                    + " levels of parentheses and NOT)", token.position());
        }
    }

    private void count(Token token) {
        if (++terms > MAX_TERMS) {
            throw new QuerySyntaxException("the query has too many terms (at most " + MAX_TERMS
                    + " words, phrases and filters)", token.position());
        }
    }

    /** Called where an operand must start: names the mistake precisely. */
    private void requireStart() {
        Token token = peek();
        if (startsOperand(token)) {
            return;
        }
        switch (token.kind()) {
            case OR, AND, NEAR, ONEAR -> throw new QuerySyntaxException(
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
            case WORD, PHRASE, FIELD, LPAREN, NOT, MINUS -> true;
            default -> false;
        };
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
