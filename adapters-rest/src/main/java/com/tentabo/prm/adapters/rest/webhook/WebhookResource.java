package com.tentabo.prm.adapters.rest.webhook;

import com.tentabo.prm.adapters.rest.shared.Origins;
import com.tentabo.prm.application.provider.WebhookRequest;
import com.tentabo.prm.application.provider.port.in.ReceiveWebhookUseCase;
import com.tentabo.prm.domain.shared.DomainException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhook deliveries from providers. No bearer token: each delivery is authenticated by its provider's own means
 * (Pipedrive: HTTP Basic; Pennylane: a signature), against the active provider named in the path. Answers fast:
 * the event is stored and processed later. Runs on the HTTP event loop and never blocks it: the answer is written
 * once the delivery's row is committed (see {@link ReceiveWebhookUseCase}).
 */
@Path("/api/v1/webhooks")
@Tag(name = "providers")
public class WebhookResource {

    /** Larger deliveries are refused: providers send events of a few kilobytes. */
    static final int MAX_BODY = 1024 * 1024;

    public record WebhookReceipt(UUID id, String status) {}

    private final ReceiveWebhookUseCase receive;

    public WebhookResource(ReceiveWebhookUseCase receive) {
        this.receive = receive;
    }

    @POST
    @Path("/{provider_name}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "receiveWebhook",
            description =
                    "Who may call: The provider, without a bearer token: authenticated the provider's way (Pipedrive HTTP Basic, Pennylane signature).",
            summary = "Receive a provider's webhook: 202 when stored, 200 when this event was received before")
    @APIResponse(
            responseCode = "200",
            description = "Received before: a duplicate, nothing stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookReceipt.class)))
    @APIResponse(
            responseCode = "202",
            description = "Stored, processed later",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookReceipt.class)))
    public CompletionStage<Response> receive(
            @PathParam("provider_name") String providerName,
            byte[] body,
            @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        byte[] raw = body == null ? new byte[0] : body;
        if (raw.length > MAX_BODY) {
            throw DomainException.invalid("body", "is larger than " + MAX_BODY + " bytes");
        }
        Map<String, String> received = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> received.put(name, String.join(", ", values)));
        io.vertx.core.Context loop = Objects.requireNonNull(Vertx.currentContext(), "a Vert.x context");
        CompletableFuture<Response> answer = new CompletableFuture<>();
        receive.receive(
                        providerName,
                        new WebhookRequest(
                                raw, received, Origins.of(headers, http).ipAddress()),
                        work -> loop.executeBlocking(
                                () -> {
                                    work.run();
                                    return null;
                                },
                                false))
                // completed on the group commit's writer or a worker thread: answered from the request's own loop
                .whenComplete((receipt, failure) -> loop.runOnContext(ignored -> {
                    if (failure == null) {
                        answer.complete(response(receipt));
                    } else {
                        answer.completeExceptionally(
                                failure instanceof CompletionException && failure.getCause() != null
                                        ? failure.getCause()
                                        : failure);
                    }
                }));
        return answer;
    }

    private static Response response(ReceiveWebhookUseCase.Receipt receipt) {
        return receipt.duplicate()
                ? Response.ok(new WebhookReceipt(receipt.id().value(), "duplicate"))
                        .build()
                : Response.accepted(new WebhookReceipt(receipt.id().value(), "accepted"))
                        .build();
    }
}
