package io.alertwire.notifier.confirm;

import io.alertwire.notifier.subscription.SubscriptionLifecycle;
import io.alertwire.notifier.token.LinkPages;
import io.alertwire.notifier.token.SignedTokens;
import io.alertwire.notifier.token.TokenCheck;
import io.alertwire.notifier.token.TokenPurpose;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The public page a confirmation link opens.
 *
 * <p>GET only shows a page with a button: mail scanners and link previewers open every link in a
 * mail, and a GET that confirmed would let them subscribe an address nobody asked for. The button
 * POSTs the token in the form and that confirms: 200 "Subscription confirmed". Both answer with a
 * 404 page when the token is not valid, has expired, or its subscription is no longer pending
 * (already confirmed, paused, unsubscribed or deleted), so that an old link changes nothing.
 */
@Path("/confirm")
@Produces(MediaType.TEXT_HTML)
public class ConfirmResource {

    private static final String RETRY = "If your subscription is not active yet, ask for a new one.";
    private static final String NOT_PENDING = "The subscription is already confirmed, or no longer exists. " + RETRY;

    private final SignedTokens tokens;
    private final SubscriptionLifecycle lifecycle;
    private final LinkPages pages;
    private final Template page;
    private final Template confirmed;

    public ConfirmResource(SignedTokens tokens, SubscriptionLifecycle lifecycle, LinkPages pages,
            @Location("confirm/page.html") Template page, @Location("confirm/confirmed.html") Template confirmed) {
        this.tokens = tokens;
        this.lifecycle = lifecycle;
        this.pages = pages;
        this.page = page;
        this.confirmed = confirmed;
    }

    /** The page with the button; changes nothing. */
    @GET
    public Response page(@QueryParam("token") String token) {
        TokenCheck check = tokens.check(TokenPurpose.CONFIRM, token);
        if (!check.isValid()) {
            return pages.notValid(check, RETRY);
        }
        if (!lifecycle.isPending(check.subscriptionId())) {
            return pages.notValid(NOT_PENDING);
        }
        return pages.ok(page.data("token", token.strip()).render());
    }

    /** The button: confirms the subscription the token in the form names. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@FormParam("token") String token) {
        TokenCheck check = tokens.check(TokenPurpose.CONFIRM, token);
        if (!check.isValid()) {
            return pages.notValid(check, RETRY);
        }
        if (!lifecycle.confirm(check.subscriptionId())) {
            return pages.notValid(NOT_PENDING);
        }
        return pages.ok(confirmed.render());
    }
}
