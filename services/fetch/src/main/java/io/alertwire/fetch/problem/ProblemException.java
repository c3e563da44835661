package io.alertwire.fetch.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Thrown by application code to answer with a problem of the given status and detail. */
public class ProblemException extends RuntimeException {

    private final Response.Status status;
    private final List<Problem.FieldError> errors;

    public ProblemException(Response.Status status, String detail) {
        this(status, detail, List.of());
    }

    /**
     * A problem that names the request fields at fault, like a Bean Validation failure, for checks
     * that need more than the request itself (a database lookup, a DNS answer).
     */
    public ProblemException(Response.Status status, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
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
}
