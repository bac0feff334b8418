package com.tentabo.prm.adapters.rest.audit;

import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.PageResponse;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.application.audit.AuditRecord;
import com.tentabo.prm.application.audit.port.in.QueryAuditLogUseCase;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.AuditLogId;
import com.tentabo.prm.domain.id.UserId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail, read-only: ADMIN and RESTRICTED_ADMIN. */
@Path("/api/v1/audit-logs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit log")
public class AuditLogResource {

    private final CallerContext callers;
    private final QueryAuditLogUseCase query;

    public AuditLogResource(CallerContext callers, QueryAuditLogUseCase query) {
        this.callers = callers;
        this.query = query;
    }

    @GET
    @Operation(
            operationId = "listAuditLogs",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Audit rows, newest first; filters combine (since inclusive, until exclusive)")
    public PageResponse<AuditLogResponse> list(
            @QueryParam("entity_type") String entityType,
            @QueryParam("entity_id") String entityId,
            @QueryParam("action") String action,
            @QueryParam("user_id") String userId,
            @QueryParam("admin_user_id") String adminUserId,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        Page<AuditRecord> page = query.list(
                callers.require(),
                new QueryAuditLogUseCase.AuditLogFilter(
                        entityType,
                        PathIds.optionalUuid("entity_id", entityId),
                        action,
                        UserId.ofNullable(PathIds.optionalUuid("user_id", userId)),
                        AdminUserId.ofNullable(PathIds.optionalUuid("admin_user_id", adminUserId)),
                        QueryParams.instant("since", since),
                        QueryParams.instant("until", until),
                        cursor,
                        QueryParams.integer("limit", limit)));
        return PageResponse.of(page, AuditLogResponse::from);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getAuditLog",
            summary = "Get audit log",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.")
    public AuditLogResponse get(@PathParam("id") String id) {
        return AuditLogResponse.from(query.get(callers.require(), new AuditLogId(PathIds.uuid("id", id))));
    }
}
