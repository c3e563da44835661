package io.alertwire.classifier.story;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stories: the near-duplicate articles that share a {@code storyId} (PRODUCT.md §4). */
@Path("/api/stories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stories", description = "Near-duplicate copies of one report, grouped under one storyId")
public class StoryResource {

    private final StoryService service;

    public StoryResource(StoryService service) {
        this.service = service;
    }

    @GET
    @Path("{storyId}")
    @Operation(summary = "The articles of one story",
            description = "Every article of the story in arrival order (at most 500), the first being the one "
                    + "whose articleId is the storyId; each later one with its similarity to the article it joined through.")
    @APIResponse(responseCode = "200", description = "The story")
    @APIResponse(responseCode = "404", description = "No story has this id (problem+json)")
    public StoryResponse get(@PathParam("storyId") String storyId) {
        return service.get(storyId);
    }
}
