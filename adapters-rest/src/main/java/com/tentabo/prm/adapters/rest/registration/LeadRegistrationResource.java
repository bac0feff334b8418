package com.tentabo.prm.adapters.rest.registration;

import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.RegistrationResponse;
import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.SubmitRequest;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.IdempotencyKeys;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.Versions;
import com.tentabo.prm.application.registration.RegistrationView;
import com.tentabo.prm.application.registration.port.in.QueryRegistrationsUseCase;
import com.tentabo.prm.application.registration.port.in.SubmitRegistrationUseCase;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.domain.id.LeadId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/leads/{id}/registration")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "registrations")
public class LeadRegistrationResource {

    private final SubmitRegistrationUseCase submit;
    private final QueryRegistrationsUseCase query;
    private final CallerContext callers;

    public LeadRegistrationResource(
            SubmitRegistrationUseCase submit, QueryRegistrationsUseCase query, CallerContext callers) {
        this.submit = submit;
        this.query = query;
        this.callers = callers;
    }

    @POST
    @Operation(
            operationId = "registerLeadDeal",
            description = "Who may call: PARTNER and DISTRIBUTOR users, on a lead in their scope.",
            summary = "Register the lead's deal (PARTNER, DISTRIBUTOR): checked at once against other partners' claims")
    @APIResponseSchema(value = RegistrationResponse.class, responseCode = "201", responseDescription = "Created")
    public Response register(
            @PathParam("id") String id,
            @Valid @NotNull SubmitRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        UUID leadId = PathIds.uuid("id", id);
        Created<RegistrationView> created = submit.submit(
                callers.require(),
                new LeadId(leadId),
                request.submission(),
                IdempotencyKeys.of(idempotencyKey, leadId, request));
        RegistrationView view = created.value();
        return IdempotencyKeys.created(
                        URI.create(
                                "/api/v1/registrations/" + view.registration().id()),
                        created,
                        RegistrationResponse.of(view))
                .tag(Versions.of(view.registration().updatedAt()))
                .build();
    }

    @GET
    @Operation(
            operationId = "getLeadRegistration",
            description =
                    "Who may call: ADMIN and RESTRICTED_ADMIN (all); PARTNER and DISTRIBUTOR users within their scope; FULFILLER: 403.",
            summary = "The lead's newest registration")
    @APIResponseSchema(value = RegistrationResponse.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") String id) {
        RegistrationView view = query.ofLead(callers.require(), new LeadId(PathIds.uuid("id", id)));
        return Versions.ok(RegistrationResponse.of(view), view.registration().updatedAt());
    }
}
