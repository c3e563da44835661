package io.alertwire.classifier.topic;

import io.alertwire.classifier.problem.ProblemException;
import io.alertwire.classifier.query.QuerySyntaxException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one answer to a query that does not compile, for topics and previews alike. */
public final class QueryProblems {

    private QueryProblems() {
    }

    /** A 400 naming the error and its position, with {@code query} and {@code position} members. */
    public static ProblemException syntaxError(String query, QuerySyntaxException e) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("query", query);
        extensions.put("position", e.position());
        return new ProblemException(Response.Status.BAD_REQUEST,
                "Query syntax error at position " + e.position() + ": " + e.getMessage(), extensions);
    }
}
