package io.alertwire.classifier.topic;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;

/** Topics: named stored queries (PRODUCT.md §4). */
@Path("/api/topics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TopicResource {

    private final TopicService service;

    public TopicResource(TopicService service) {
        this.service = service;
    }

    @POST
    public Response create(@Valid @NotNull TopicRequest request, @Context UriInfo uri) {
        TopicResponse topic = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(topic.id()).build()).entity(topic).build();
    }

    @GET
    public List<TopicResponse> list() {
        return service.list();
    }

    @GET
    @Path("{id}")
    public TopicResponse get(@PathParam("id") String id) {
        return service.get(id);
    }

    @PUT
    @Path("{id}")
    public TopicResponse update(@PathParam("id") String id, @Valid @NotNull TopicRequest request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(id);
        return Response.noContent().build();
    }
}
