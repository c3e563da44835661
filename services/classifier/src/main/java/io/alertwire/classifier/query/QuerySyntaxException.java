package io.alertwire.classifier.query;

/** A topic query that cannot be parsed or compiled; {@link #position()} points at the mistake. */
public class QuerySyntaxException extends RuntimeException {

    private final int position;

    public QuerySyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** The 0-based character offset in the query where the error was found. */
    public int position() {
        return position;
    }
}
