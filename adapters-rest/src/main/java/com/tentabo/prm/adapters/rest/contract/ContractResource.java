package com.tentabo.prm.adapters.rest.contract;

import com.tentabo.prm.adapters.rest.order.NoteRequest;
import com.tentabo.prm.adapters.rest.order.NoteResponse;
import com.tentabo.prm.adapters.rest.order.OrderRequests;
import com.tentabo.prm.adapters.rest.order.OrderResponse;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.EnumParams;
import com.tentabo.prm.adapters.rest.shared.IdempotencyKeys;
import com.tentabo.prm.adapters.rest.shared.PageResponse;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.adapters.rest.shared.Versions;
import com.tentabo.prm.application.contract.port.in.QueryContractsUseCase;
import com.tentabo.prm.application.contract.port.in.RenewContractUseCase;
import com.tentabo.prm.application.contract.port.in.TransitionContractUseCase;
import com.tentabo.prm.application.note.port.in.NotesUseCase;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractStatus;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.order.OrderKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contracts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "contracts")
public class ContractResource {

    @Schema(name = "ContractTransitionRequest")
    public record TransitionRequest(
            @NotNull @Size(max = 40) String to,
            @Size(max = 10_000) String reason) {}

    private final CallerContext callers;
    private final QueryContractsUseCase query;
    private final TransitionContractUseCase transitions;
    private final NotesUseCase notes;
    private final RenewContractUseCase renewals;

    public ContractResource(
            CallerContext callers,
            QueryContractsUseCase query,
            TransitionContractUseCase transitions,
            NotesUseCase notes,
            RenewContractUseCase renewals) {
        this.callers = callers;
        this.query = query;
        this.transitions = transitions;
        this.notes = notes;
        this.renewals = renewals;
    }

    @POST
    @Path("/{id}/renewal")
    @Operation(
            operationId = "renewContract",
            description = "Who may call: ADMIN only.",
            summary = "Create the order that renews (default), upgrades or downgrades the contract (ADMIN)")
    @APIResponseSchema(value = OrderResponse.class, responseCode = "201", responseDescription = "Created")
    public Response renew(
            @PathParam("id") String id,
            @Valid OrderRequests.Renewal request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        OrderRequests.Renewal body = request == null ? new OrderRequests.Renewal(null, null, null) : request;
        ContractId contractId = new ContractId(PathIds.uuid("id", id));
        return OrderResponse.created(renewals.renew(new RenewContractUseCase.RenewContractCommand(
                callers.require(),
                contractId,
                body.kind() == null ? OrderKind.RENEWAL : EnumParams.parse(OrderKind.class, "kind", body.kind()),
                OrderRequests.items(body.items()),
                body.taxRate(),
                IdempotencyKeys.of(idempotencyKey, contractId, body))));
    }

    @GET
    @Operation(
            operationId = "listContracts",
            description =
                    "Who may call: Every role, in its scope: ADMIN, RESTRICTED_ADMIN and FULFILLER all, PARTNER and DISTRIBUTOR users their own scope.",
            summary =
                    "Contracts in your scope; expiring_within_days lists ACTIVE contracts to renew; activated_from/_to and "
                            + "expires_from/_to are days (UTC, inclusive)")
    public PageResponse<ContractResponse> list(
            @QueryParam("status") List<String> status,
            @QueryParam("partner_id") String partnerId,
            @QueryParam("distributor_id") String distributorId,
            @QueryParam("expiring_within_days") Integer expiringWithinDays,
            @QueryParam("activated_from") String activatedFrom,
            @QueryParam("activated_to") String activatedTo,
            @QueryParam("expires_from") String expiresFrom,
            @QueryParam("expires_to") String expiresTo,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        Page<Contract> page = query.list(
                callers.require(),
                new QueryContractsUseCase.ContractFilter(
                        EnumParams.parseAll(ContractStatus.class, "status", status),
                        PartnerId.ofNullable(PathIds.optionalUuid("partner_id", partnerId)),
                        DistributorId.ofNullable(PathIds.optionalUuid("distributor_id", distributorId)),
                        expiringWithinDays,
                        cursor,
                        limit,
                        QueryParams.day("activated_from", activatedFrom),
                        QueryParams.day("activated_to", activatedTo),
                        QueryParams.day("expires_from", expiresFrom),
                        QueryParams.day("expires_to", expiresTo)));
        return PageResponse.of(page, ContractResponse::from);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getContract",
            summary = "Get contract",
            description =
                    "Who may call: Every role, in its scope: ADMIN, RESTRICTED_ADMIN and FULFILLER all, PARTNER and DISTRIBUTOR users their own scope.")
    @APIResponseSchema(value = ContractResponse.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") String id) {
        Contract contract = query.get(callers.require(), new ContractId(PathIds.uuid("id", id)));
        return Response.ok(ContractResponse.from(contract))
                .tag(String.valueOf(contract.version()))
                .build();
    }

    @POST
    @Path("/{id}/transitions")
    @Operation(
            operationId = "transitionContract",
            description = "Who may call: ADMIN only.",
            summary = "Mark the contract lost or cancelled, with a reason (ADMIN)")
    @APIResponseSchema(value = ContractResponse.class, responseCode = "200", responseDescription = "OK")
    public Response transition(
            @PathParam("id") String id,
            @Valid @NotNull TransitionRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        Contract contract = transitions.transition(new TransitionContractUseCase.TransitionContractCommand(
                callers.require(),
                new ContractId(PathIds.uuid("id", id)),
                EnumParams.parse(ContractStatus.class, "to", request.to()),
                request.reason(),
                Versions.ifMatchVersion(ifMatch)));
        return Response.ok(ContractResponse.from(contract))
                .tag(String.valueOf(contract.version()))
                .build();
    }

    @GET
    @Path("/{id}/notes")
    @Operation(
            operationId = "listContractNotes",
            summary = "List contract notes",
            description =
                    "Who may call: Whoever may read the record; internal notes are shown to and written by ADMIN, RESTRICTED_ADMIN and FULFILLER only.")
    public PageResponse<NoteResponse> notes(
            @PathParam("id") String id, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return PageResponse.of(
                notes.list(
                        callers.require(),
                        NotesUseCase.Parent.of(new ContractId(PathIds.uuid("id", id))),
                        cursor,
                        limit),
                NoteResponse::from);
    }

    @POST
    @Path("/{id}/notes")
    @Operation(
            operationId = "addContractNote",
            summary = "Add contract note",
            description =
                    "Who may call: Whoever may read the record; internal notes are shown to and written by ADMIN, RESTRICTED_ADMIN and FULFILLER only.")
    @APIResponseSchema(value = NoteResponse.class, responseCode = "201", responseDescription = "Created")
    public Response addNote(
            @PathParam("id") String id,
            @Valid @NotNull NoteRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return request.addTo(
                notes,
                callers.require(),
                NotesUseCase.Parent.of(new ContractId(PathIds.uuid("id", id))),
                idempotencyKey);
    }
}
