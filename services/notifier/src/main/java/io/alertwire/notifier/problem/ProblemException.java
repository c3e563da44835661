package io.alertwire.notifier.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Thrown by application code to answer with a problem of the given status and detail, optionally
 * naming the request fields at fault or carrying extension members for the problem body.
 */
public class ProblemException extends RuntimeException {

    private final Response.Status status;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(Response.Status status, String detail) {
        this(status, detail, List.of(), Map.of());
    }

    /**
     * A problem that names the request fields at fault, like a Bean Validation failure, for checks
     * that need more than the request itself (a database lookup, a DNS answer).
     */
    public ProblemException(Response.Status status, String detail, List<Problem.FieldError> errors) {
        this(status, detail, errors, Map.of());
    }

    /** A problem with extension members (RFC 9457 §3.2), such as the position of a syntax error. */
    public ProblemException(Response.Status status, String detail, Map<String, Object> extensions) {
        this(status, detail, List.of(), extensions);
    }

    private ProblemException(Response.Status status, String detail, List<Problem.FieldError> errors,
            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    /** A 400 naming one invalid field. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Response.Status.BAD_REQUEST, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public Response.Status status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The problem this exception answers with. */
    public Problem toProblem() {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), getMessage(), errors,
                extensions);
    }
}
