package io.alertwire.notifier.confirm;

import io.alertwire.notifier.subscription.SubscriptionLifecycle;
import io.alertwire.notifier.token.LinkPages;
import io.alertwire.notifier.token.SignedTokens;
import io.alertwire.notifier.token.TokenCheck;
import io.alertwire.notifier.token.TokenPurpose;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The public page a confirmation link opens: 200 "Subscription confirmed", or a 404 page when the
 * token is not valid, has expired, or its subscription is no longer pending (already confirmed,
 * paused, unsubscribed or deleted), so that an old link changes nothing.
 */
@Path("/confirm")
public class ConfirmResource {

    private static final String RETRY = "If your subscription is not active yet, ask for a new one.";

    private final SignedTokens tokens;
    private final SubscriptionLifecycle lifecycle;
    private final LinkPages pages;
    private final Template confirmed;

    public ConfirmResource(SignedTokens tokens, SubscriptionLifecycle lifecycle, LinkPages pages,
            @Location("confirm/confirmed.html") Template confirmed) {
        this.tokens = tokens;
        this.lifecycle = lifecycle;
        this.pages = pages;
        this.confirmed = confirmed;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@QueryParam("token") String token) {
        TokenCheck check = tokens.check(TokenPurpose.CONFIRM, token);
        if (!check.isValid()) {
            return pages.notValid(check, RETRY);
        }
        if (!lifecycle.confirm(check.subscriptionId())) {
            return pages.notValid("The subscription is already confirmed, or no longer exists. " + RETRY);
        }
        return pages.ok(confirmed.render());
    }
}
