package com.tentabo.prm.adapters.rest.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.IdempotencyKeys;
import com.tentabo.prm.adapters.rest.shared.PageResponse;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.adapters.rest.shared.Versions;
import com.tentabo.prm.application.notification.WebhookDeliveryRecord;
import com.tentabo.prm.application.notification.WebhookSubscription;
import com.tentabo.prm.application.notification.port.in.ManageWebhookSubscriptionsUseCase;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.domain.id.WebhookSubscriptionId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Outbound webhook subscriptions (ADMIN: every event; PARTNER and DISTRIBUTOR users: their company's events). The
 * signing secret is in the answer to the creation and to a rotation only.
 */
@Path("/api/v1/webhook-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
public class WebhookSubscriptionResource {

    public record CreateRequest(
            @NotNull @Size(max = 2000) String url,
            @NotNull @Size(min = 1, max = 50) List<String> events,
            @Size(max = 255) String description) {}

    public record UpdateRequest(
            @Size(max = 2000) String url,
            @Size(min = 1, max = 50) List<String> events,
            @Size(max = 255) String description,
            Boolean active) {}

    /** {@code secret} is present only in the answer to the creation and to a secret rotation. */
    public record SubscriptionResponse(
            UUID id,
            String url,
            List<String> events,
            String description,
            boolean active,
            UUID partnerId,
            UUID distributorId,
            String ownerKind,
            UUID ownerId,
            Instant disabledAt,
            String disabledReason,
            @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
            Instant createdAt,
            Instant updatedAt) {
        static SubscriptionResponse of(WebhookSubscription s, String secret) {
            return NotificationResponseMapper.INSTANCE.subscription(s, secret);
        }

        @Override
        public String toString() {
            return "SubscriptionResponse[id=" + id + ", url=" + url + "]";
        }
    }

    public record AttemptResponse(int attempt, Instant attemptedAt, Integer statusCode, String error, int durationMs) {}

    /** One event sent to the subscription: the body as sent, its status and every attempt. */
    public record DeliveryResponse(
            UUID id,
            UUID eventId,
            String eventType,
            JsonNode payload,
            String status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant createdAt,
            Instant deliveredAt,
            List<AttemptResponse> attemptLog) {
        static DeliveryResponse of(WebhookDeliveryRecord d) {
            return NotificationResponseMapper.INSTANCE.delivery(d);
        }
    }

    private final ManageWebhookSubscriptionsUseCase subscriptions;
    private final CallerContext callers;

    public WebhookSubscriptionResource(ManageWebhookSubscriptionsUseCase subscriptions, CallerContext callers) {
        this.subscriptions = subscriptions;
        this.callers = callers;
    }

    @POST
    @Operation(
            operationId = "createWebhookSubscription",
            description = "Who may call: ADMIN; PARTNER and DISTRIBUTOR users for their own company's events.",
            summary = "Subscribe a URL to event types; the signing secret is in this answer only")
    @APIResponseSchema(value = SubscriptionResponse.class, responseCode = "201", responseDescription = "Created")
    public Response create(
            @Valid @NotNull CreateRequest request, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Created<ManageWebhookSubscriptionsUseCase.WithSecret> created = subscriptions.create(
                callers.require(),
                new ManageWebhookSubscriptionsUseCase.CreateSubscription(
                        request.url(), request.events(), request.description()),
                IdempotencyKeys.of(idempotencyKey, request));
        WebhookSubscription s = created.value().subscription();
        return IdempotencyKeys.created(
                        URI.create("/api/v1/webhook-subscriptions/" + s.id()),
                        created,
                        SubscriptionResponse.of(s, created.value().secret()))
                .header("Cache-Control", "no-store")
                .tag(Versions.of(s.updatedAt()))
                .build();
    }

    @GET
    @Operation(
            operationId = "listWebhookSubscriptions",
            description = "Who may call: ADMIN (all); PARTNER and DISTRIBUTOR users (their own).",
            summary = "Webhook subscriptions in your scope, newest first")
    public PageResponse<SubscriptionResponse> list(
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return PageResponse.of(
                subscriptions.list(callers.require(), cursor, QueryParams.integer("limit", limit)),
                s -> SubscriptionResponse.of(s, null));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getWebhookSubscription",
            description = "Who may call: ADMIN (all); PARTNER and DISTRIBUTOR users (their own).")
    @APIResponseSchema(value = SubscriptionResponse.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") String id) {
        WebhookSubscription s = subscriptions.get(callers.require(), new WebhookSubscriptionId(PathIds.uuid("id", id)));
        return Versions.ok(SubscriptionResponse.of(s, null), s.updatedAt());
    }

    @PATCH
    @Path("/{id}")
    @Operation(
            operationId = "updateWebhookSubscription",
            description = "Who may call: ADMIN (all); PARTNER and DISTRIBUTOR users (their own).",
            summary = "Change the URL, events or description; active=true enables a disabled subscription again")
    @APIResponseSchema(value = SubscriptionResponse.class, responseCode = "200", responseDescription = "OK")
    public Response update(
            @PathParam("id") String id,
            @Valid @NotNull UpdateRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        WebhookSubscription s = subscriptions.update(
                callers.require(),
                new WebhookSubscriptionId(PathIds.uuid("id", id)),
                new ManageWebhookSubscriptionsUseCase.UpdateSubscription(
                        request.url(), request.events(), request.description(), request.active()),
                Versions.ifMatch(ifMatch));
        return Versions.ok(SubscriptionResponse.of(s, null), s.updatedAt());
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteWebhookSubscription",
            description = "Who may call: ADMIN (all); PARTNER and DISTRIBUTOR users (their own).",
            summary = "Delete a subscription with its deliveries")
    public Response delete(@PathParam("id") String id) {
        subscriptions.delete(callers.require(), new WebhookSubscriptionId(PathIds.uuid("id", id)));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(
            operationId = "rotateWebhookSubscriptionSecret",
            description = "Who may call: ADMIN (all); PARTNER and DISTRIBUTOR users (their own).",
            summary = "A new signing secret, in this answer only; the old one stops at once")
    @APIResponseSchema(value = SubscriptionResponse.class, responseCode = "200", responseDescription = "OK")
    public Response rotateSecret(@PathParam("id") String id) {
        ManageWebhookSubscriptionsUseCase.WithSecret rotated =
                subscriptions.rotateSecret(callers.require(), new WebhookSubscriptionId(PathIds.uuid("id", id)));
        return Response.ok(SubscriptionResponse.of(rotated.subscription(), rotated.secret()))
                .header("Cache-Control", "no-store")
                .tag(Versions.of(rotated.subscription().updatedAt()))
                .build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            description = "Who may call: ADMIN (all); PARTNER and DISTRIBUTOR users (their own).",
            summary = "The subscription's deliveries, newest first, each with every attempt")
    public PageResponse<DeliveryResponse> deliveries(
            @PathParam("id") String id, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return PageResponse.of(
                subscriptions.deliveries(
                        callers.require(),
                        new WebhookSubscriptionId(PathIds.uuid("id", id)),
                        cursor,
                        QueryParams.integer("limit", limit)),
                DeliveryResponse::of);
    }
}
