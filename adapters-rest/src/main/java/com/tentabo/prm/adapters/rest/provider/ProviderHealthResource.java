package com.tentabo.prm.adapters.rest.provider;

import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.PageResponse;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.application.provider.HealthCheckRecord;
import com.tentabo.prm.application.provider.port.in.ProviderHealthUseCase;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.ProviderId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A provider's health history, read-only (ADMIN, RESTRICTED_ADMIN). */
@Path("/api/v1/providers/{id}/health-checks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "providers")
public class ProviderHealthResource {

    /** One recorded check: {@code source} is {@code manual}, {@code scheduled} or {@code call}. */
    public record HealthCheckResponse(
            UUID id, UUID providerId, String status, String error, String source, Instant checkedAt) {
        static HealthCheckResponse of(HealthCheckRecord r) {
            return new HealthCheckResponse(
                    r.id(), EntityId.uuid(r.providerId()), r.status(), r.error(), r.source(), r.checkedAt());
        }
    }

    private final CallerContext callers;
    private final ProviderHealthUseCase health;

    public ProviderHealthResource(CallerContext callers, ProviderHealthUseCase health) {
        this.callers = callers;
        this.health = health;
    }

    @GET
    @Operation(
            operationId = "listProviderHealthChecks",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "The provider's recorded health checks (on demand, scheduled, refused calls), newest first; "
                    + "the newest 100 are kept")
    public PageResponse<HealthCheckResponse> history(
            @PathParam("id") String id, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return PageResponse.of(
                health.history(
                        callers.require(),
                        new ProviderId(PathIds.uuid("id", id)),
                        cursor,
                        QueryParams.integer("limit", limit)),
                HealthCheckResponse::of);
    }
}
