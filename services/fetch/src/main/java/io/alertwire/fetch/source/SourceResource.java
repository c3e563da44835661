package io.alertwire.fetch.source;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final SourceService service;

    public SourceResource(SourceService service) {
        this.service = service;
    }

    @POST
    public Response create(@Valid @NotNull CreateSourceRequest request, @Context UriInfo uri) {
        SourceResponse created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    public SourcePage list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(page, size);
    }

    @GET
    @Path("{id}")
    public SourceResponse get(@PathParam("id") String id) {
        return service.get(parseId(id));
    }

    @POST
    @Path("{id}/fetch")
    public Response fetchNow(@PathParam("id") String id) {
        return Response.accepted(service.fetchNow(parseId(id))).build();
    }

    /** Ids are strings in the API; one that is not a number names no source. */
    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw SourceService.notFound(id);
        }
    }
}
