package com.tentabo.prm.adapters.rest.registration;

import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.DecisionRequest;
import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.ExtensionDecisionRequest;
import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.ExtensionRequest;
import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.HistoryList;
import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.HistoryResponse;
import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.RegistrationResponse;
import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.ResubmitRequest;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.PageResponse;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.adapters.rest.shared.Versions;
import com.tentabo.prm.application.registration.RegistrationView;
import com.tentabo.prm.application.registration.port.in.DecideRegistrationUseCase;
import com.tentabo.prm.application.registration.port.in.QueryRegistrationsUseCase;
import com.tentabo.prm.application.registration.port.in.SubmitRegistrationUseCase;
import com.tentabo.prm.application.registration.port.out.RegistrationRepository;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.RegistrationId;
import com.tentabo.prm.domain.registration.ConflictKind;
import com.tentabo.prm.domain.registration.RegistrationStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.HashSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "registrations")
public class RegistrationResource {

    private final QueryRegistrationsUseCase query;
    private final SubmitRegistrationUseCase submit;
    private final DecideRegistrationUseCase decide;
    private final CallerContext callers;

    public RegistrationResource(
            QueryRegistrationsUseCase query,
            SubmitRegistrationUseCase submit,
            DecideRegistrationUseCase decide,
            CallerContext callers) {
        this.query = query;
        this.submit = submit;
        this.decide = decide;
        this.callers = callers;
    }

    @GET
    @Operation(
            operationId = "listRegistrations",
            description =
                    "Who may call: ADMIN and RESTRICTED_ADMIN (all); PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.",
            summary = "Registrations in scope, newest first; filters status (repeat or comma-separate), partner_id, "
                    + "lead_id, conflict (staff: none, overlap, conflict, incumbent — the review queue)")
    public PageResponse<RegistrationResponse> list(
            @QueryParam("status") List<String> status,
            @QueryParam("partner_id") String partnerId,
            @QueryParam("lead_id") String leadId,
            @QueryParam("conflict") String conflict,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        List<ConflictKind> conflicts =
                QueryParams.enums("conflict", conflict == null ? null : List.of(conflict), ConflictKind.class);
        return PageResponse.of(
                query.list(
                        callers.require(),
                        new RegistrationRepository.Filter(
                                new HashSet<>(QueryParams.enums("status", status, RegistrationStatus.class)),
                                PartnerId.ofNullable(PathIds.optionalUuid("partner_id", partnerId)),
                                LeadId.ofNullable(PathIds.optionalUuid("lead_id", leadId)),
                                conflicts.isEmpty() ? null : conflicts.get(0),
                                QueryParams.integer("limit", limit),
                                cursor)),
                RegistrationResponse::of);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getRegistration",
            description =
                    "Who may call: ADMIN and RESTRICTED_ADMIN (all); PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403. Only ADMIN and RESTRICTED_ADMIN see the conflicting records.",
            summary = "Read a registration; staff also see the other partners' matching records side by side")
    @APIResponseSchema(value = RegistrationResponse.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") String id) {
        return ok(query.get(callers.require(), new RegistrationId(PathIds.uuid("id", id))));
    }

    @GET
    @Path("/{id}/history")
    @Operation(
            operationId = "listRegistrationHistory",
            description =
                    "Who may call: ADMIN and RESTRICTED_ADMIN (all); PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.",
            summary = "Every step of the registration: action, move, reason, who and when")
    public HistoryList history(@PathParam("id") String id) {
        return new HistoryList(query.history(callers.require(), new RegistrationId(PathIds.uuid("id", id))).stream()
                .map(HistoryResponse::of)
                .toList());
    }

    @POST
    @Path("/{id}/decisions")
    @Operation(
            operationId = "decideRegistration",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Approve, reject or return a submitted registration with a reason (ADMIN, RESTRICTED_ADMIN)")
    @APIResponseSchema(value = RegistrationResponse.class, responseCode = "200", responseDescription = "OK")
    public Response decide(
            @PathParam("id") String id,
            @Valid @NotNull DecisionRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(decide.decide(
                callers.require(),
                new RegistrationId(PathIds.uuid("id", id)),
                DecideRegistrationUseCase.Decision.valueOf(request.decision().name()),
                request.reason(),
                Versions.ifMatch(ifMatch)));
    }

    @POST
    @Path("/{id}/resubmission")
    @Operation(
            operationId = "resubmitRegistration",
            description = "Who may call: PARTNER and DISTRIBUTOR users, on a registration in their scope.",
            summary = "Answer a returned registration: submitted again and checked again (PARTNER, DISTRIBUTOR)")
    @APIResponseSchema(value = RegistrationResponse.class, responseCode = "200", responseDescription = "OK")
    public Response resubmit(
            @PathParam("id") String id,
            @Valid @NotNull ResubmitRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(submit.resubmit(
                callers.require(),
                new RegistrationId(PathIds.uuid("id", id)),
                request.submission(),
                request.answer(),
                Versions.ifMatch(ifMatch)));
    }

    @POST
    @Path("/{id}/extension")
    @Operation(
            operationId = "requestRegistrationExtension",
            description = "Who may call: PARTNER and DISTRIBUTOR users, on a registration in their scope.",
            summary = "Ask for the one extension of an approved registration's protection (PARTNER, DISTRIBUTOR)")
    @APIResponseSchema(value = RegistrationResponse.class, responseCode = "200", responseDescription = "OK")
    public Response requestExtension(
            @PathParam("id") String id,
            @Valid @NotNull ExtensionRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(submit.requestExtension(
                callers.require(),
                new RegistrationId(PathIds.uuid("id", id)),
                request.protectionEndsAt(),
                request.reason(),
                Versions.ifMatch(ifMatch)));
    }

    @POST
    @Path("/{id}/extension/decision")
    @Operation(
            operationId = "decideRegistrationExtension",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Grant or refuse the requested extension with a reason (ADMIN, RESTRICTED_ADMIN)")
    @APIResponseSchema(value = RegistrationResponse.class, responseCode = "200", responseDescription = "OK")
    public Response decideExtension(
            @PathParam("id") String id,
            @Valid @NotNull ExtensionDecisionRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(decide.decideExtension(
                callers.require(),
                new RegistrationId(PathIds.uuid("id", id)),
                request.grant(),
                request.reason(),
                Versions.ifMatch(ifMatch)));
    }

    private static Response ok(RegistrationView view) {
        return Versions.ok(RegistrationResponse.of(view), view.registration().updatedAt());
    }
}
