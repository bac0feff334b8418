package com.tentabo.prm.adapters.rest.catalog;

import com.tentabo.prm.adapters.rest.catalog.CatalogJson.DurationBody;
import com.tentabo.prm.adapters.rest.catalog.CatalogJson.DurationResponse;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.IdempotencyKeys;
import com.tentabo.prm.adapters.rest.shared.PageResponse;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.adapters.rest.shared.Versions;
import com.tentabo.prm.application.catalog.PageRequest;
import com.tentabo.prm.application.catalog.port.in.BrowseCatalogUseCase;
import com.tentabo.prm.application.catalog.port.in.ManageDurationsUseCase;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/durations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
public class DurationResource {

    private final ManageDurationsUseCase manage;
    private final BrowseCatalogUseCase browse;
    private final CallerContext callers;

    public DurationResource(ManageDurationsUseCase manage, BrowseCatalogUseCase browse, CallerContext callers) {
        this.manage = manage;
        this.browse = browse;
        this.callers = callers;
    }

    @GET
    @Operation(
            operationId = "listDurations",
            description = "Who may call: Any authenticated caller (every role reads the catalog).",
            summary = "List durations, shortest first")
    public PageResponse<DurationResponse> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return PageResponse.of(
                browse.durations(callers.require(), PageRequest.of(QueryParams.limit(limit), cursor)),
                DurationResponse::of);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getDuration",
            summary = "Get duration",
            description = "Who may call: Any authenticated caller (every role reads the catalog).")
    @APIResponseSchema(value = DurationResponse.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") String id) {
        return withEtag(browse.duration(callers.require(), new DurationId(PathIds.uuid("id", id))));
    }

    @POST
    @Operation(
            operationId = "createDuration",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Create a duration (ADMIN, RESTRICTED_ADMIN)")
    @APIResponseSchema(value = DurationResponse.class, responseCode = "201", responseDescription = "Created")
    public Response create(DurationBody body, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Created<Duration> result =
                manage.create(callers.require(), command(body), IdempotencyKeys.of(idempotencyKey, body));
        Duration created = result.value();
        return IdempotencyKeys.created(
                        URI.create("/api/v1/durations/" + created.id()), result, DurationResponse.of(created))
                .tag(Versions.of(created.updatedAt()))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateDuration",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Change a duration (ADMIN, RESTRICTED_ADMIN); existing orders keep their snapshot")
    @APIResponseSchema(value = DurationResponse.class, responseCode = "200", responseDescription = "OK")
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, DurationBody body) {
        return withEtag(manage.update(
                callers.require(), new DurationId(PathIds.uuid("id", id)), command(body), Versions.ifMatch(ifMatch)));
    }

    private static Response withEtag(Duration duration) {
        return Response.ok(DurationResponse.of(duration))
                .tag(Versions.of(duration.updatedAt()))
                .build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteDuration",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Delete a duration no order refers to (else 409 DURATION_IN_USE)")
    public Response delete(@PathParam("id") String id) {
        manage.delete(callers.require(), new DurationId(PathIds.uuid("id", id)));
        return Response.noContent().build();
    }

    private static ManageDurationsUseCase.DurationCommand command(DurationBody body) {
        if (body == null) {
            throw DomainException.invalid("body", "is required");
        }
        return new ManageDurationsUseCase.DurationCommand(body.months(), body.discountPercentage(), body.name());
    }
}
