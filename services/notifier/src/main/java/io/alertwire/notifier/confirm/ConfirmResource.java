package io.alertwire.notifier.confirm;

import io.alertwire.notifier.subscription.SubscriptionService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The public page a confirmation link opens. A person reads the answer in a browser, so both
 * outcomes are small HTML pages: 200 "Subscription confirmed", or 404 when the token is unknown
 * or already used.
 */
@Path("/confirm")
public class ConfirmResource {

    private final SubscriptionService subscriptions;
    private final Template confirmed;
    private final Template invalid;

    public ConfirmResource(SubscriptionService subscriptions, @Location("confirm/confirmed.html") Template confirmed,
            @Location("confirm/invalid.html") Template invalid) {
        this.subscriptions = subscriptions;
        this.confirmed = confirmed;
        this.invalid = invalid;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@QueryParam("token") String token) {
        boolean done = token != null && !token.isBlank()
                && subscriptions.confirm(ConfirmationToken.hash(token.trim())).isPresent();
        if (done) {
            return Response.ok(confirmed.render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(invalid.render()).build();
    }
}
