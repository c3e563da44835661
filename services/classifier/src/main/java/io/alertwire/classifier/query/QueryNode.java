package io.alertwire.classifier.query;

import java.util.List;

/** The parsed form of a topic query. Every node remembers where it starts in the query text. */
public sealed interface QueryNode {

    /** The 0-based character offset of this node in the query text. */
    int position();

    /**
     * A single word, or a word prefix when {@code prefix} is set ({@code negotiat*}); searched in
     * the title alone when {@code title} is set ({@code title:summit}).
     */
    record Term(String text, boolean prefix, boolean title, int position) implements QueryNode {
        public Term(String text, boolean prefix, int position) {
            this(text, prefix, false, position);
        }
    }

    /** Words that must appear next to each other, in order; in the title alone when {@code title} is set. */
    record Phrase(String text, boolean title, int position) implements QueryNode {
        public Phrase(String text, int position) {
            this(text, false, position);
        }
    }

    /**
     * An exact-value filter on the article's metadata ({@code source:yna.co.kr}, {@code lang:ko}).
     * It narrows a query but cannot be one on its own: it has no word to pre-filter on.
     */
    record Filter(Field field, String value, int position) implements QueryNode {
        /** The filterable metadata. */
        public enum Field { SOURCE, LANG }
    }

    /** All clauses must match; {@link Not} clauses must not. */
    record And(List<QueryNode> clauses, int position) implements QueryNode {
        public And {
            clauses = List.copyOf(clauses);
        }
    }

    /** At least one clause must match. */
    record Or(List<QueryNode> clauses, int position) implements QueryNode {
        public Or {
            clauses = List.copyOf(clauses);
        }
    }

    /** The clause must not match; only meaningful inside an {@link And}. */
    record Not(QueryNode clause, int position) implements QueryNode {
    }

    /**
     * All clauses within {@code distance} words of each other: in any order ({@code NEAR/n}) or in
     * the written order when {@code ordered} ({@code ONEAR/n}).
     */
    record Near(List<QueryNode> clauses, int distance, boolean ordered, int position) implements QueryNode {
        public Near {
            clauses = List.copyOf(clauses);
        }
    }
}
