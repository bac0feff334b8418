package com.tentabo.prm.adapters.rest.company;

import com.tentabo.prm.adapters.rest.company.CompanyDtos.CompanyPage;
import com.tentabo.prm.adapters.rest.company.CompanyDtos.CompanyRequest;
import com.tentabo.prm.adapters.rest.company.CompanyDtos.CompanyResponse;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.IdempotencyKeys;
import com.tentabo.prm.application.company.port.in.ManagePartnersUseCase;
import com.tentabo.prm.domain.id.PartnerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "partners")
public class PartnerResource {

    private final CompanyEndpoints<PartnerId> endpoints;

    public PartnerResource(ManagePartnersUseCase partners, CallerContext callers) {
        this.endpoints = new CompanyEndpoints<>(partners, callers, "/api/v1/partners", PartnerId::new);
    }

    @POST
    @Operation(
            operationId = "createPartner",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Create a partner (ADMIN, RESTRICTED_ADMIN)")
    @APIResponseSchema(value = CompanyResponse.class, responseCode = "201", responseDescription = "Created")
    public Response create(
            @Valid @NotNull CompanyRequest request, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return endpoints.create(request, idempotencyKey);
    }

    @GET
    @Operation(
            operationId = "listPartners",
            description =
                    "Who may call: ADMIN and RESTRICTED_ADMIN (all); a PARTNER user its own partner; a DISTRIBUTOR user its distributor and the partners actively assigned to it; FULFILLER: 403.",
            summary = "List the partners in scope; q searches the name, is_active filters")
    public CompanyPage list(
            @QueryParam("q") String q,
            @QueryParam("is_active") String active,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return endpoints.list(q, active, limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getPartner",
            summary = "Get partner",
            description =
                    "Who may call: ADMIN and RESTRICTED_ADMIN (all); a PARTNER user its own partner; a DISTRIBUTOR user its distributor and the partners actively assigned to it; FULFILLER: 403.")
    @APIResponseSchema(value = CompanyResponse.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updatePartner",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Replace a partner's fields (is_active omitted keeps the current value)")
    @APIResponseSchema(value = CompanyResponse.class, responseCode = "200", responseDescription = "OK")
    public Response update(
            @PathParam("id") String id,
            @Valid @NotNull CompanyRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        return endpoints.update(id, request, ifMatch);
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deletePartner",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Delete a partner without users, leads, orders or contracts (else 409: deactivate it)")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return endpoints.delete(id, ifMatch);
    }
}
