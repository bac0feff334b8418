package com.tentabo.prm.adapters.rest.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.rest.openapi.InheritedOperation;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.PageResponse;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.adapters.rest.shared.QueueItemRoutes;
import com.tentabo.prm.application.outbox.OutboxEventRecord;
import com.tentabo.prm.application.outbox.port.in.ManageOutboxUseCase;
import com.tentabo.prm.domain.id.OutboxEventId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What must reach a provider, and how its delivery went (read: ADMIN, RESTRICTED_ADMIN; requeue: ADMIN). */
@Path("/api/v1/outbox-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "providers")
@InheritedOperation(
        method = "item",
        operationId = "getOutboxEvent",
        summary = "Get outbox event",
        description = "Who may call: ADMIN and RESTRICTED_ADMIN.")
@InheritedOperation(
        method = "requeue",
        operationId = "requeueOutboxEvent",
        description = "Who may call: ADMIN only.",
        summary = "Send a FAILED or SKIPPED event again (ADMIN): PENDING, due now, attempts from zero")
public class OutboxEventResource
        extends QueueItemRoutes<OutboxEventId, OutboxEventRecord, OutboxEventResource.OutboxEventResponse> {

    /** An outbox event; {@code payload} as stored, secret-named fields hidden; status in lower case. */
    public record OutboxEventResponse(
            UUID id,
            String topic,
            String aggregateType,
            UUID aggregateId,
            JsonNode payload,
            String status,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            Instant createdAt,
            Instant deliveredAt) {
        static OutboxEventResponse of(OutboxEventRecord r) {
            return OutboxEventResponseMapper.INSTANCE.toResponse(r);
        }
    }

    private final ManageOutboxUseCase outbox;

    public OutboxEventResource(CallerContext callers, ManageOutboxUseCase outbox) {
        super(callers, OutboxEventId::new, outbox::event, outbox::requeue, OutboxEventResponse::of);
        this.outbox = outbox;
    }

    @GET
    @Operation(
            operationId = "listOutboxEvents",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Outbox events, newest first; filters status (pending, delivered, failed, skipped), topic, "
                    + "aggregate_id, since, until")
    public PageResponse<OutboxEventResponse> events(
            @QueryParam("status") String status,
            @QueryParam("topic") String topic,
            @QueryParam("aggregate_id") String aggregateId,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return list(caller -> outbox.events(
                caller,
                new ManageOutboxUseCase.OutboxEventFilter(
                        status,
                        topic,
                        PathIds.optionalUuid("aggregate_id", aggregateId),
                        QueryParams.instant("since", since),
                        QueryParams.instant("until", until),
                        cursor,
                        QueryParams.integer("limit", limit))));
    }
}
