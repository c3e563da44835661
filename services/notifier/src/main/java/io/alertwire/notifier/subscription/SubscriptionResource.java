package io.alertwire.notifier.subscription;

import io.alertwire.notifier.delivery.DeliveryLog;
import io.alertwire.notifier.delivery.DeliveryView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;

@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final SubscriptionService service;
    private final DeliveryLog deliveryLog;

    public SubscriptionResource(SubscriptionService service, DeliveryLog deliveryLog) {
        this.service = service;
        this.deliveryLog = deliveryLog;
    }

    @POST
    public Response create(@NotNull @Valid SubscriptionRequest request, UriInfo uri) {
        SubscriptionResponse created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    public List<SubscriptionResponse> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    public SubscriptionResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/deliveries")
    public List<DeliveryView> deliveries(@PathParam("id") UUID id) {
        service.require(id);
        return deliveryLog.of(id);
    }
}
