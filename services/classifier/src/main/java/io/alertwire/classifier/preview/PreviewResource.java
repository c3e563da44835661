package io.alertwire.classifier.preview;

import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Try a query on the recent articles before saving it as a topic (PRODUCT.md §4). */
@Path("/api/topics/preview")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Topics")
public class PreviewResource {

    private final PreviewService service;

    public PreviewResource(PreviewService service) {
        this.service = service;
    }

    @POST
    @Blocking
    @Operation(summary = "Preview a topic query on the recent articles",
            description = "Runs the query over the articles of the preview window (7 days by default) with the same "
                    + "compiler, analysis and scoring as live matching, and returns the matching articles newest "
                    + "first with score, highlights and snippet. Nothing is saved.")
    @APIResponse(responseCode = "200", description = "The matches (possibly none)")
    @APIResponse(responseCode = "400", description = "Invalid body, a query syntax error (with its position), a limit "
            + "outside 1..100 or a since before the window (problem+json)")
    public PreviewResponse preview(@Valid @NotNull PreviewRequest request) {
        return service.preview(request);
    }
}
