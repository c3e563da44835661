package io.alertwire.classifier.query;

import java.util.List;

/** The parsed form of a topic query. Every node remembers where it starts in the query text. */
public sealed interface QueryNode {

    /** The 0-based character offset of this node in the query text. */
    int position();

    /** A single word, or a word prefix when {@code prefix} is set ({@code negotiat*}). */
    record Term(String text, boolean prefix, int position) implements QueryNode {
    }

    /** Words that must appear next to each other, in order. */
    record Phrase(String text, int position) implements QueryNode {
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

    /** All clauses within {@code distance} words of each other, in any order. */
    record Near(List<QueryNode> clauses, int distance, int position) implements QueryNode {
        public Near {
            clauses = List.copyOf(clauses);
        }
    }
}
