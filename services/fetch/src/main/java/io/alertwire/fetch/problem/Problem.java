package io.alertwire.fetch.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title the status' short description
 * @param status the HTTP status code
 * @param detail what went wrong in this request, for a human
 * @param errors one entry per invalid field, for validation failures
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

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

    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
