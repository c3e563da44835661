package io.alertwire.fetch.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
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
        return Problem.response(e.status(), e.getMessage()).build();
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

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        // Jackson's own messages name Java types: say where the body is wrong, not how we read it
        String where = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? "field '" + mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")) + "' has the wrong type or format"
                : e.getLocation() == null ? "it is not well-formed"
                        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Problem.response(Response.Status.BAD_REQUEST, "The body is not valid JSON for this request: " + where)
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problem.response(status, status.getReasonPhrase()).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected error while handling a request", e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged").build();
    }

    /** The last path element of a violation: the field name, without the method and parameter. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int firstDot = path.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : path.indexOf('.', firstDot + 1);
        return secondDot < 0 ? path : path.substring(secondDot + 1);
    }
}
