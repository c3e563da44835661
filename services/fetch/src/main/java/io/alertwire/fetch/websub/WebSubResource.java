package io.alertwire.fetch.websub;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The WebSub callback of each source, called by hubs (public: no admin token; a hub proves itself
 * by echoing the topic we asked for, and its pushes by the HMAC signature).
 */
@Path("/websub/{sourceId}")
public class WebSubResource {

    private final WebSubService service;
    private final PushReceiver receiver;
    private final WebSubConfig config;

    public WebSubResource(WebSubService service, PushReceiver receiver, WebSubConfig config) {
        this.service = service;
        this.receiver = receiver;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "WebSub verification of intent",
            description = "A hub confirms a subscription (hub.mode=subscribe: the challenge is echoed when the "
                    + "topic is the one this source subscribed to) or reports a denial (hub.mode=denied).")
    @APIResponse(responseCode = "200", description = "the hub.challenge, or empty for a recorded denial")
    @APIResponse(responseCode = "404", description = "no such subscription, wrong topic or mode")
    public Response verify(@PathParam("sourceId") String sourceId, @QueryParam("hub.mode") String mode,
            @QueryParam("hub.topic") String topic, @QueryParam("hub.challenge") String challenge,
            @QueryParam("hub.lease_seconds") String leaseSeconds, @QueryParam("hub.reason") String reason) {
        Long id = parseId(sourceId);
        Long lease = parseLease(leaseSeconds);
        if (id == null || (leaseSeconds != null && lease == null)) {
            return notFound();
        }
        return service.verify(id, mode, topic, challenge, lease, reason)
                .map(body -> Response.ok(body, MediaType.TEXT_PLAIN).build())
                .orElseGet(WebSubResource::notFound);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "WebSub content distribution",
            description = "A hub pushes new content of the topic, signed with X-Hub-Signature. Content with a "
                    + "missing or wrong signature is dropped and still answered 202, as WebSub asks.")
    @APIResponse(responseCode = "202", description = "received (and used if signed and readable)")
    @APIResponse(responseCode = "410", description = "this source has no subscription (any more)")
    @APIResponse(responseCode = "413", description = "body larger than alertwire.fetch.websub.max-push-bytes")
    public Response push(@PathParam("sourceId") String sourceId, InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("X-Hub-Signature") String signature) throws IOException {
        Long id = parseId(sourceId);
        if (id == null) {
            receiver.count(PushReceiver.Outcome.UNKNOWN_SOURCE);
            return Response.status(Response.Status.GONE).build();
        }
        int max = config.maxPushBytes();
        byte[] bytes = body.readNBytes(max + 1);
        if (bytes.length > max) {
            receiver.count(PushReceiver.Outcome.TOO_LARGE);
            return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).build();
        }
        PushReceiver.Outcome outcome = receiver.receive(id, bytes, contentType, signature);
        return outcome == PushReceiver.Outcome.UNKNOWN_SOURCE
                ? Response.status(Response.Status.GONE).build()
                : Response.accepted().build();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN).entity("").build();
    }

    private static Long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long parseLease(String seconds) {
        if (seconds == null) {
            return null;
        }
        try {
            long value = Long.parseLong(seconds.strip());
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
