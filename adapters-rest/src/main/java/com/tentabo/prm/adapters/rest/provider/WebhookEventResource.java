package com.tentabo.prm.adapters.rest.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.rest.openapi.InheritedOperation;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.PageResponse;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.adapters.rest.shared.QueueItemRoutes;
import com.tentabo.prm.application.provider.WebhookEventRecord;
import com.tentabo.prm.application.provider.port.in.QueryProviderActivityUseCase;
import com.tentabo.prm.application.provider.port.in.RequeueWebhookEventUseCase;
import com.tentabo.prm.domain.id.WebhookEventId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhooks received from providers, read-only (ADMIN, RESTRICTED_ADMIN). */
@Path("/api/v1/webhook-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "providers")
@InheritedOperation(
        method = "item",
        operationId = "getWebhookEvent",
        summary = "Get webhook event",
        description = "Who may call: ADMIN and RESTRICTED_ADMIN.")
@InheritedOperation(
        method = "requeue",
        operationId = "requeueWebhookEvent",
        description = "Who may call: ADMIN only.",
        summary = "Process a failed or ignored webhook event again (ADMIN): pending, due now, attempts from zero")
public class WebhookEventResource
        extends QueueItemRoutes<WebhookEventId, WebhookEventRecord, WebhookEventResource.WebhookEventResponse> {

    /**
     * A received webhook; {@code payload} as stored (secret-named fields hidden), {@code headers} as stored except the
     * values of credential and signature headers.
     */
    public record WebhookEventResponse(
            UUID id,
            String providerName,
            String providerType,
            String eventType,
            String eventId,
            JsonNode payload,
            String status,
            Instant processedAt,
            String errorMessage,
            String ipAddress,
            JsonNode headers,
            Instant receivedAt) {
        static WebhookEventResponse of(WebhookEventRecord r) {
            return ProviderResponseMapper.INSTANCE.webhookEvent(r);
        }
    }

    private final QueryProviderActivityUseCase query;

    public WebhookEventResource(
            CallerContext callers, QueryProviderActivityUseCase query, RequeueWebhookEventUseCase requeue) {
        super(callers, WebhookEventId::new, query::webhookEvent, requeue::requeue, WebhookEventResponse::of);
        this.query = query;
    }

    @GET
    @Operation(
            operationId = "listWebhookEvents",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary =
                    "Received webhooks, newest first; filters provider_name, event_type, event_id, status, since, until")
    public PageResponse<WebhookEventResponse> webhookEvents(
            @QueryParam("provider_name") String providerName,
            @QueryParam("event_type") String eventType,
            @QueryParam("event_id") String eventId,
            @QueryParam("status") String status,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return list(caller -> query.webhookEvents(
                caller,
                new QueryProviderActivityUseCase.WebhookEventFilter(
                        providerName,
                        eventType,
                        eventId,
                        status,
                        QueryParams.instant("since", since),
                        QueryParams.instant("until", until),
                        cursor,
                        QueryParams.integer("limit", limit))));
    }
}
