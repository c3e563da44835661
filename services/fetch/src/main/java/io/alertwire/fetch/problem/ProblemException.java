package io.alertwire.fetch.problem;

import jakarta.ws.rs.core.Response;

/** Thrown by application code to answer with a problem of the given status and detail. */
public class ProblemException extends RuntimeException {

    private final Response.Status status;

    public ProblemException(Response.Status status, String detail) {
        super(detail);
        this.status = status;
    }

    public Response.Status status() {
        return status;
    }
}
