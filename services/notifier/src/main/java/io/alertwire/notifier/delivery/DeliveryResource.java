package io.alertwire.notifier.delivery;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private final DeliveryRetry retry;

    public DeliveryResource(DeliveryRetry retry) {
        this.retry = retry;
    }

    /** Sends a delivery again now: 202, and the subscription's delivery log shows what happens. */
    @POST
    @Path("/{id}/retry")
    public Response retry(@PathParam("id") UUID id, UriInfo uri) {
        UUID subscriptionId = retry.retryNow(id);
        return Response.accepted().location(uri.getBaseUriBuilder().path("api/subscriptions")
                .path(subscriptionId.toString()).path("deliveries").build()).build();
    }
}
