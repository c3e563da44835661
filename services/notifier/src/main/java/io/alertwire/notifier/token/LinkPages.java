package io.alertwire.notifier.token;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The HTML answers of the pages that links in mails open. People read them in a browser, so even
 * a bad token gets a page (404), not problem+json.
 */
@ApplicationScoped
public class LinkPages {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private final Template invalid;

    public LinkPages(@Location("link/invalid.html") Template invalid) {
        this.invalid = invalid;
    }

    /** A 200 page. */
    public Response ok(String html) {
        return Response.ok(html, HTML).header("Cache-Control", "no-store").build();
    }

    /** The 404 page for a token that is not good (any more), saying which. */
    public Response notValid(TokenCheck check, String whatToDo) {
        String message = check.verdict() == TokenCheck.Verdict.EXPIRED ? "The link has expired. " + whatToDo
                : "The link is unknown, incomplete or has already been used. " + whatToDo;
        return notValid(message);
    }

    /** The 404 page with a message of its own. */
    public Response notValid(String message) {
        return Response.status(Response.Status.NOT_FOUND).type(HTML).header("Cache-Control", "no-store")
                .entity(invalid.data("message", message).render()).build();
    }
}
