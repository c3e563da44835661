package io.alertwire.classifier.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into RFC 9457 problem+json. Nothing of the exception's class or stack reaches
 * the client; unexpected errors are logged here and answered with a generic 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.toProblem().toResponse().build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        Response.Status status = Response.Status.BAD_REQUEST;
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(),
                "The request is not valid", errors).toResponse().build();
    }

    // Quarkus REST has its own mapper for MismatchedInputException (a wrong type or format, such as
    // a bad duration) that answers plain JSON; a mapper for the exact type is needed to win over it
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        // Jackson's own messages name Java types: say where the body is wrong, not how we read it
        Response.Status status = Response.Status.BAD_REQUEST;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(),
                    "The body is not valid JSON for this request: field '" + field + "' has the wrong type or format",
                    List.of(new Problem.FieldError(field, "has the wrong type or format"))).toResponse().build();
        }
        String where = e.getLocation() == null ? "it is not well-formed"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Problem.response(status, "The body is not valid JSON for this request: " + where).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // Quarkus REST wraps JSON syntax errors of a request body in a plain 400
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problem.response(status, status.getReasonPhrase()).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected error while handling a request", e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged").build();
    }

    /**
     * The field a violation is about, without the method and parameter: {@code create.request.url}
     * is {@code url}; a query or path parameter ({@code list.size}) is named by itself.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        String[] nodes = violation.getPropertyPath().toString().split("\\.", 3);
        return switch (nodes.length) {
            case 1 -> nodes[0];
            case 2 -> nodes[1];
            default -> nodes[2];
        };
    }
}
