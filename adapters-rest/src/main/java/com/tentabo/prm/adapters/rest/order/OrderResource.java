package com.tentabo.prm.adapters.rest.order;

import com.tentabo.prm.adapters.rest.contract.ContractResponse;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.EnumParams;
import com.tentabo.prm.adapters.rest.shared.IdempotencyKeys;
import com.tentabo.prm.adapters.rest.shared.PageResponse;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.adapters.rest.shared.Versions;
import com.tentabo.prm.application.contract.port.in.ActivateContractUseCase;
import com.tentabo.prm.application.note.port.in.NotesUseCase;
import com.tentabo.prm.application.order.port.in.PlaceOrderUseCase;
import com.tentabo.prm.application.order.port.in.QueryOrdersUseCase;
import com.tentabo.prm.application.order.port.in.TransitionOrderUseCase;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "orders")
public class OrderResource {

    @Schema(name = "OrderTransitionRequest")
    public record TransitionRequest(
            @NotNull @Size(max = 40) String to,
            @Size(max = 10_000) String reason) {}

    public record ActivateRequest(Instant activationDate) {}

    private final CallerContext callers;
    private final PlaceOrderUseCase place;
    private final QueryOrdersUseCase query;
    private final TransitionOrderUseCase transitions;
    private final ActivateContractUseCase activate;
    private final NotesUseCase notes;

    public OrderResource(
            CallerContext callers,
            PlaceOrderUseCase place,
            QueryOrdersUseCase query,
            TransitionOrderUseCase transitions,
            ActivateContractUseCase activate,
            NotesUseCase notes) {
        this.callers = callers;
        this.place = place;
        this.query = query;
        this.transitions = transitions;
        this.activate = activate;
        this.notes = notes;
    }

    @POST
    @Operation(
            operationId = "createOrder",
            description = "Who may call: ADMIN, RESTRICTED_ADMIN, and PARTNER users for their own partner.",
            summary = "Place an order: items priced by the catalog, totals derived; Idempotency-Key honoured")
    @APIResponseSchema(value = OrderResponse.class, responseCode = "201", responseDescription = "Created")
    public Response create(
            @Valid @NotNull OrderRequests.CreateOrder request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return OrderResponse.created(place.create(new PlaceOrderUseCase.CreateOrderCommand(
                callers.require(),
                PartnerId.ofNullable(request.partnerId()),
                DistributorId.ofNullable(request.distributorId()),
                LeadId.ofNullable(request.leadId()),
                request.taxRate(),
                request.currency(),
                OrderRequests.items(request.items()),
                idempotencyKey)));
    }

    @PATCH
    @Path("/{id}")
    @Operation(
            operationId = "updateOrder",
            description = "Who may call: ADMIN, RESTRICTED_ADMIN, and PARTNER users for their own partner.",
            summary = "Change the items and/or tax rate while the order is CREATED; totals are recomputed")
    @APIResponseSchema(value = OrderResponse.class, responseCode = "200", responseDescription = "OK")
    public Response update(
            @PathParam("id") String id,
            @Valid @NotNull OrderRequests.UpdateOrder request,
            @HeaderParam("If-Match") String ifMatch) {
        Order order = place.updateItems(new PlaceOrderUseCase.UpdateItemsCommand(
                callers.require(),
                new OrderId(PathIds.uuid("id", id)),
                OrderRequests.items(request.items()),
                request.taxRate(),
                Versions.ifMatchVersion(ifMatch)));
        return Response.ok(OrderResponse.from(order))
                .tag(String.valueOf(order.version()))
                .build();
    }

    @GET
    @Operation(
            operationId = "listOrders",
            description =
                    "Who may call: Every role, in its scope: ADMIN and RESTRICTED_ADMIN all, PARTNER and DISTRIBUTOR users their own scope, FULFILLER orders SENT or later.",
            summary =
                    "Orders in your scope, newest first (keyset pagination); created_from and created_to are days (UTC, inclusive)")
    public PageResponse<OrderResponse> list(
            @QueryParam("status") List<String> status,
            @QueryParam("partner_id") String partnerId,
            @QueryParam("distributor_id") String distributorId,
            @QueryParam("lead_id") String leadId,
            @QueryParam("created_from") String createdFrom,
            @QueryParam("created_to") String createdTo,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        Page<Order> page = query.list(
                callers.require(),
                new QueryOrdersUseCase.OrderFilter(
                        EnumParams.parseAll(OrderStatus.class, "status", status),
                        PartnerId.ofNullable(PathIds.optionalUuid("partner_id", partnerId)),
                        DistributorId.ofNullable(PathIds.optionalUuid("distributor_id", distributorId)),
                        LeadId.ofNullable(PathIds.optionalUuid("lead_id", leadId)),
                        cursor,
                        limit,
                        false,
                        QueryParams.day("created_from", createdFrom),
                        QueryParams.day("created_to", createdTo)));
        return PageResponse.of(page, OrderResponse::from);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getOrder",
            description =
                    "Who may call: Every role, in its scope: ADMIN and RESTRICTED_ADMIN all, PARTNER and DISTRIBUTOR users their own scope, FULFILLER orders SENT or later.",
            summary = "One order with its items; ETag carries its version")
    @APIResponseSchema(value = OrderResponse.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") String id) {
        Order order = query.get(callers.require(), new OrderId(PathIds.uuid("id", id)));
        return Response.ok(OrderResponse.from(order))
                .tag(String.valueOf(order.version()))
                .build();
    }

    @POST
    @Path("/{id}/transitions")
    @Operation(
            operationId = "transitionOrder",
            description =
                    "Who may call: Depends on the target: sent — ADMIN, RESTRICTED_ADMIN, PARTNER (own); in_fulfillment and fulfilled — ADMIN, FULFILLER; cancelled — ADMIN, PARTNER (own).",
            summary = "Move the order: sent, in_fulfillment, fulfilled, cancelled (a reason becomes a note)")
    @APIResponseSchema(value = OrderResponse.class, responseCode = "200", responseDescription = "OK")
    public Response transition(
            @PathParam("id") String id,
            @Valid @NotNull TransitionRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        Order order = transitions.transition(new TransitionOrderUseCase.TransitionOrderCommand(
                callers.require(),
                new OrderId(PathIds.uuid("id", id)),
                EnumParams.parse(OrderStatus.class, "to", request.to()),
                request.reason(),
                Versions.ifMatchVersion(ifMatch)));
        return Response.ok(OrderResponse.from(order))
                .tag(String.valueOf(order.version()))
                .build();
    }

    @POST
    @Path("/{id}/contract")
    @Operation(
            operationId = "activateOrderContract",
            description = "Who may call: ADMIN and FULFILLER.",
            summary = "Activate a FULFILLED order into its contract")
    @APIResponseSchema(value = ContractResponse.class, responseCode = "201", responseDescription = "Created")
    public Response activateContract(@PathParam("id") String id, @Valid ActivateRequest request) {
        Contract contract = activate.activate(new ActivateContractUseCase.ActivateContractCommand(
                callers.require(),
                new OrderId(PathIds.uuid("id", id)),
                request == null ? null : request.activationDate()));
        return Response.created(URI.create("/api/v1/contracts/" + contract.id()))
                .entity(ContractResponse.from(contract))
                .build();
    }

    @GET
    @Path("/{id}/notes")
    @Operation(
            operationId = "listOrderNotes",
            description =
                    "Who may call: Whoever may read the record; internal notes are shown to and written by ADMIN, RESTRICTED_ADMIN and FULFILLER only.",
            summary = "Notes of the order: pinned first; internal notes only for staff roles")
    public PageResponse<NoteResponse> notes(
            @PathParam("id") String id, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return PageResponse.of(
                notes.list(
                        callers.require(), NotesUseCase.Parent.of(new OrderId(PathIds.uuid("id", id))), cursor, limit),
                NoteResponse::from);
    }

    @POST
    @Path("/{id}/notes")
    @Operation(
            operationId = "addOrderNote",
            description =
                    "Who may call: Whoever may read the record; internal notes are shown to and written by ADMIN, RESTRICTED_ADMIN and FULFILLER only.",
            summary = "Add a note to the order")
    @APIResponseSchema(value = NoteResponse.class, responseCode = "201", responseDescription = "Created")
    public Response addNote(
            @PathParam("id") String id,
            @Valid @NotNull NoteRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return request.addTo(
                notes, callers.require(), NotesUseCase.Parent.of(new OrderId(PathIds.uuid("id", id))), idempotencyKey);
    }
}
