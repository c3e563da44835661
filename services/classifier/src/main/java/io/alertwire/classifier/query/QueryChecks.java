package io.alertwire.classifier.query;

import java.util.List;

/**
 * Rules about a query as a whole, checked after parsing. Each one refuses a stored query that
 * would make the Monitor run it on every article: the cost of matching must stay proportional to
 * the topics an article can match, not to all of them.
 */
final class QueryChecks {

    private QueryChecks() {
    }

    /** Refuses queries (or parts of them) that could match only by what they exclude. */
    static void requirePositive(QueryNode node) {
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
            or.clauses().forEach(QueryChecks::requirePositive);
        } else if (node instanceof QueryNode.Near near) {
            near.clauses().forEach(QueryChecks::requirePositive);
        }
    }

    /**
     * Refuses queries that some article could match without containing any of their words or
     * phrases: a query made only of {@code lang:} and {@code source:} filters, or an OR with such a
     * branch. Lucene Monitor pre-filters stored queries by their words; these would be candidates
     * for every article.
     */
    static void requireAnchored(QueryNode node) {
        QueryNode loose = unanchored(node);
        if (loose != null) {
            throw new QuerySyntaxException("this part has no word or phrase to look for, only filters: lang: and"
                    + " source: narrow a search but cannot be one; add a word or phrase", loose.position());
        }
    }

    /** The first part of {@code node} that can match without any of its words, or {@code null}. */
    private static QueryNode unanchored(QueryNode node) {
        if (node instanceof QueryNode.Term || node instanceof QueryNode.Phrase || node instanceof QueryNode.Near) {
            return null;
        } else if (node instanceof QueryNode.And and) {
            boolean anchored = and.clauses().stream()
                    .anyMatch(c -> !(c instanceof QueryNode.Not) && unanchored(c) == null);
            return anchored ? null : and;
        } else if (node instanceof QueryNode.Or or) {
            return or.clauses().stream().map(QueryChecks::unanchored).filter(c -> c != null).findFirst().orElse(null);
        }
        return node;
    }

    /**
     * NEAR and ONEAR join words, phrases, prefixes or OR-groups of them, all in the title or all in
     * the whole text (positions of different fields cannot be compared).
     */
    static void requireNearOperands(List<QueryNode> clauses) {
        Boolean title = null;
        for (QueryNode clause : clauses) {
            if (!nearOperand(clause)) {
                throw new QuerySyntaxException(
                        "NEAR and ONEAR join only words, phrases, prefixes or OR-groups of them", clause.position());
            }
            boolean inTitle = inTitle(clause);
            if (title != null && title != inTitle) {
                throw new QuerySyntaxException("NEAR and ONEAR cannot join title: terms with terms of the whole"
                        + " text", clause.position());
            }
            title = inTitle;
        }
    }

    private static boolean nearOperand(QueryNode node) {
        if (node instanceof QueryNode.Term || node instanceof QueryNode.Phrase) {
            return true;
        }
        return node instanceof QueryNode.Or or && or.clauses().stream().allMatch(QueryChecks::nearOperand)
                && or.clauses().stream().map(QueryChecks::inTitle).distinct().count() == 1;
    }

    private static boolean inTitle(QueryNode node) {
        if (node instanceof QueryNode.Term term) {
            return term.title();
        } else if (node instanceof QueryNode.Phrase phrase) {
            return phrase.title();
        }
        return node instanceof QueryNode.Or or && inTitle(or.clauses().get(0));
    }
}
