package com.tentabo.prm.adapters.rest.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.PageResponse;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.application.provider.port.in.QueryProviderActivityUseCase;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.id.SyncLogId;
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

/** Provider synchronisation runs, read-only (ADMIN, RESTRICTED_ADMIN). */
@Path("/api/v1/sync-logs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "providers")
public class SyncLogResource {

    /** A sync run; {@code error_details} as stored, secret-named fields hidden. */
    public record SyncLogResponse(
            UUID id,
            UUID providerId,
            String providerName,
            String syncType,
            String entityType,
            String direction,
            Integer recordsSynced,
            Integer recordsFailed,
            JsonNode errorDetails,
            String status,
            Instant startedAt,
            Instant completedAt) {
        public static SyncLogResponse of(SyncLogRecord r) {
            return ProviderResponseMapper.INSTANCE.syncLog(r);
        }
    }

    private final CallerContext callers;
    private final QueryProviderActivityUseCase query;

    public SyncLogResource(CallerContext callers, QueryProviderActivityUseCase query) {
        this.callers = callers;
        this.query = query;
    }

    @GET
    @Operation(
            operationId = "listSyncLogs",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary =
                    "Provider synchronisation runs, newest first; filters provider_id, entity_type, status, since, until")
    public PageResponse<SyncLogResponse> syncLogs(
            @QueryParam("provider_id") String providerId,
            @QueryParam("entity_type") String entityType,
            @QueryParam("status") String status,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        var page = query.syncLogs(
                callers.require(),
                new QueryProviderActivityUseCase.SyncLogFilter(
                        ProviderId.ofNullable(PathIds.optionalUuid("provider_id", providerId)),
                        entityType,
                        status,
                        QueryParams.instant("since", since),
                        QueryParams.instant("until", until),
                        cursor,
                        QueryParams.integer("limit", limit)));
        return PageResponse.of(page, SyncLogResponse::of);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getSyncLog",
            summary = "Get sync log",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.")
    public SyncLogResponse syncLog(@PathParam("id") String id) {
        return SyncLogResponse.of(query.syncLog(callers.require(), new SyncLogId(PathIds.uuid("id", id))));
    }
}
