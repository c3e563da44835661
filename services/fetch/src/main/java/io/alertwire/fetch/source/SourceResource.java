package io.alertwire.fetch.source;

import io.alertwire.fetch.opml.InvalidOpmlException;
import io.alertwire.fetch.opml.OpmlReader;
import io.alertwire.fetch.opml.OpmlWriter;
import io.alertwire.fetch.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final SourceService service;
    private final SourceImporter importer;
    private final SourceConfig config;

    public SourceResource(SourceService service, SourceImporter importer, SourceConfig config) {
        this.service = service;
        this.importer = importer;
        this.config = config;
    }

    @POST
    public Response create(@Valid @NotNull CreateSourceRequest request, @Context UriInfo uri) {
        SourceResponse created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    public SourcePage list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(page, size);
    }

    @GET
    @Path("{id}")
    public SourceResponse get(@PathParam("id") String id) {
        return service.get(parseId(id));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public SourceResponse update(@PathParam("id") String id, @Valid @NotNull UpdateSourceRequest request) {
        return service.update(parseId(id), request);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(parseId(id));
        return Response.noContent().build();
    }

    /** Creates a source per feed of an OPML file; answers what was created, skipped and refused. */
    @POST
    @Path("import")
    @Consumes({OpmlWriter.MEDIA_TYPE, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public ImportReport importOpml(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws IOException {
        int max = config.maxImportBytes();
        byte[] bytes = body.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "The OPML body is larger than " + max + " bytes");
        }
        try {
            return importer.importFeeds(OpmlReader.read(bytes, contentType));
        } catch (InvalidOpmlException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    /** Every source as an OPML 2.0 subscription list, for other feed readers or another Alertwire. */
    @GET
    @Path("export")
    @Produces(OpmlWriter.MEDIA_TYPE)
    public Response exportOpml() {
        String opml = OpmlWriter.write("Alertwire sources", service.allAsFeeds(), Instant.now());
        return Response.ok(opml, OpmlWriter.MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"alertwire-sources.opml\"")
                .build();
    }

    @POST
    @Path("{id}/fetch")
    public Response fetchNow(@PathParam("id") String id) {
        return Response.accepted(service.fetchNow(parseId(id))).build();
    }

    /** Ids are strings in the API; one that is not a number names no source. */
    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw SourceService.notFound(id);
        }
    }
}
