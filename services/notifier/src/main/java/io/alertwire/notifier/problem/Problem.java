package io.alertwire.notifier.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title the status' short description
 * @param status the HTTP status code
 * @param detail what went wrong in this request, for a human
 * @param errors one entry per invalid field, for validation failures
 * @param extensions extension members (RFC 9457 §3.2), written as top-level members of the body,
 *     e.g. {@code query} and {@code position} of a query syntax error
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, Map.of());
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, List.of());
    }

    /** A response builder holding this problem as {@code application/problem+json}. */
    public static Response.ResponseBuilder response(Response.StatusType status, String detail) {
        return of(status, detail).toResponse();
    }

    /** This problem with extension members added to its body. */
    public Problem withExtensions(Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(extensions);
        all.putAll(more);
        return new Problem(type, title, status, detail, errors, all);
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions;
    }

    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
