package io.alertwire.fetch.websub;

import io.alertwire.fetch.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** For operators: whether a hub pushes a source's news, and if not, why. */
@Path("/api/sources/{id}/websub")
@Produces(MediaType.APPLICATION_JSON)
public class WebSubStatusResource {

    private final WebSubService service;

    public WebSubStatusResource(WebSubService service) {
        this.service = service;
    }

    /** 404 when the source's feed names no hub (or WebSub is off, or there is no such source). */
    @GET
    public WebSubView get(@PathParam("id") String id) {
        long sourceId;
        try {
            sourceId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound(id);
        }
        return service.view(sourceId).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Response.Status.NOT_FOUND, "Source " + id + " has no WebSub subscription");
    }
}
