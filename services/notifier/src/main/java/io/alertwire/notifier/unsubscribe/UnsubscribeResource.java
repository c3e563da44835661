package io.alertwire.notifier.unsubscribe;

import io.alertwire.notifier.subscription.SubscriptionLifecycle;
import io.alertwire.notifier.token.LinkPages;
import io.alertwire.notifier.token.SignedTokens;
import io.alertwire.notifier.token.TokenCheck;
import io.alertwire.notifier.token.TokenPurpose;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The target of the unsubscribe link and of RFC 8058 one-click unsubscription.
 *
 * <p>GET only shows a page with a button: mail scanners and link previewers open every link in a
 * mail, so a GET must never unsubscribe. The button POSTs the form, and mail clients POST
 * {@code List-Unsubscribe=One-Click} to the same URL; either unsubscribes. The body is not read:
 * the POST itself is the request, whatever form encoding the client chose, and the signed token in
 * the URL says whom it is for.
 */
@Path("/unsubscribe")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    private static final String NEXT = "To stop alerts, use the unsubscribe link of a more recent alert mail.";

    private final SignedTokens tokens;
    private final SubscriptionLifecycle lifecycle;
    private final LinkPages pages;
    private final Template page;
    private final Template done;

    public UnsubscribeResource(SignedTokens tokens, SubscriptionLifecycle lifecycle, LinkPages pages,
            @Location("unsubscribe/page.html") Template page, @Location("unsubscribe/done.html") Template done) {
        this.tokens = tokens;
        this.lifecycle = lifecycle;
        this.pages = pages;
        this.page = page;
        this.done = done;
    }

    @GET
    public Response page(@QueryParam("token") String token) {
        TokenCheck check = tokens.check(TokenPurpose.UNSUBSCRIBE, token);
        if (!check.isValid()) {
            return pages.notValid(check, NEXT);
        }
        if (lifecycle.isUnsubscribed(check.subscriptionId())) {
            return pages.ok(done.render());
        }
        return pages.ok(page.data("token", token.strip()).render());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response unsubscribe(@QueryParam("token") String token) {
        TokenCheck check = tokens.check(TokenPurpose.UNSUBSCRIBE, token);
        if (!check.isValid()) {
            return pages.notValid(check, NEXT);
        }
        // false when the subscription was deleted meanwhile: nothing will be sent either way
        lifecycle.unsubscribe(check.subscriptionId());
        return pages.ok(done.render());
    }
}
