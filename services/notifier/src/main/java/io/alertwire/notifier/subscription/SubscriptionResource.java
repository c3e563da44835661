package io.alertwire.notifier.subscription;

import io.alertwire.notifier.delivery.DeliveryLog;
import io.alertwire.notifier.delivery.DeliveryView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

    /** RFC 7396; plain JSON is taken as the same. */
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final SubscriptionService service;
    private final SubscriptionLifecycle lifecycle;
    private final DeliveryLog deliveryLog;

    public SubscriptionResource(SubscriptionService service, SubscriptionLifecycle lifecycle,
            DeliveryLog deliveryLog) {
        this.service = service;
        this.lifecycle = lifecycle;
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

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    public SubscriptionResponse patch(@PathParam("id") UUID id, @NotNull @Valid SubscriptionPatch patch) {
        return lifecycle.patch(id, patch);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        lifecycle.delete(id);
        return Response.noContent().build();
    }

    /**
     * Rotates a webhook subscription's signing secret: 200 with the new {@code whsec_} secret, shown
     * this once. Until {@code previousSecretValidUntil} every webhook carries a signature with the
     * old secret next to the new one, so the receiver can switch without losing a call. 409 for an
     * email subscription.
     */
    @POST
    @Path("/{id}/secret")
    @Consumes(MediaType.WILDCARD) // no body is read: whatever a client declares, the POST itself is the request
    public SecretRotation rotateSecret(@PathParam("id") UUID id) {
        return lifecycle.rotateSecret(id);
    }

    @GET
    @Path("/{id}/deliveries")
    public List<DeliveryView> deliveries(@PathParam("id") UUID id) {
        service.require(id);
        return deliveryLog.of(id);
    }
}
