package io.alertwire.classifier.security;

import io.alertwire.classifier.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Admin APIs ({@code /api/**}) require {@code Authorization: Bearer <token>}; everything else
 * (health, metrics, OpenAPI, public callbacks) is open.
 */
public class AdminTokenFilter {

    private static final String PREFIX = "Bearer ";

    private final byte[] token;

    public AdminTokenFilter(@ConfigProperty(name = "alertwire.admin-token") String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @ServerRequestFilter(preMatching = true)
    public Response requireToken(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.startsWith(PREFIX)) {
            byte[] given = header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
            // constant-time comparison, so the token cannot be guessed byte by byte from timings
            if (MessageDigest.isEqual(given, token)) {
                return null;
            }
        }
        return Problem.response(Response.Status.UNAUTHORIZED,
                        "Missing or wrong admin token: send Authorization: Bearer <token>")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"alertwire\"")
                .build();
    }
}
