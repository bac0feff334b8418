package com.tentabo.prm.adapters.rest.company;

import com.tentabo.prm.adapters.rest.company.CompanyDtos.AssignRequest;
import com.tentabo.prm.adapters.rest.company.CompanyDtos.AssignmentList;
import com.tentabo.prm.adapters.rest.company.CompanyDtos.AssignmentResponse;
import com.tentabo.prm.adapters.rest.company.CompanyDtos.AssignmentUpdate;
import com.tentabo.prm.adapters.rest.company.CompanyDtos.CompanyPage;
import com.tentabo.prm.adapters.rest.company.CompanyDtos.CompanyRequest;
import com.tentabo.prm.adapters.rest.company.CompanyDtos.CompanyResponse;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.IdempotencyKeys;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.application.company.port.in.ManageDistributorsUseCase;
import com.tentabo.prm.domain.company.Assignment;
import com.tentabo.prm.domain.id.DistributorId;
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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/distributors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "distributors")
public class DistributorResource {

    private final CompanyEndpoints<DistributorId> endpoints;
    private final ManageDistributorsUseCase distributors;
    private final CallerContext callers;

    public DistributorResource(ManageDistributorsUseCase distributors, CallerContext callers) {
        this.endpoints = new CompanyEndpoints<>(distributors, callers, "/api/v1/distributors", DistributorId::new);
        this.distributors = distributors;
        this.callers = callers;
    }

    @POST
    @Operation(
            operationId = "createDistributor",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Create a distributor (ADMIN, RESTRICTED_ADMIN)")
    @APIResponseSchema(value = CompanyResponse.class, responseCode = "201", responseDescription = "Created")
    public Response create(
            @Valid @NotNull CompanyRequest request, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return endpoints.create(request, idempotencyKey);
    }

    @GET
    @Operation(
            operationId = "listDistributors",
            summary = "List distributors",
            description =
                    "Who may call: ADMIN and RESTRICTED_ADMIN (all); a DISTRIBUTOR user its own distributor; others: 403.")
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
            operationId = "getDistributor",
            summary = "Get distributor",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN; a DISTRIBUTOR user its own distributor.")
    @APIResponseSchema(value = CompanyResponse.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateDistributor",
            summary = "Update distributor",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.")
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
            operationId = "deleteDistributor",
            summary = "Delete distributor",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return endpoints.delete(id, ifMatch);
    }

    @POST
    @Path("/{id}/partners")
    @Operation(
            operationId = "assignPartner",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Assign a partner to the distributor (active at once; records assigned_by and assigned_at)")
    @APIResponseSchema(value = AssignmentResponse.class, responseCode = "201", responseDescription = "Created")
    public Response assign(@PathParam("id") String id, @Valid @NotNull AssignRequest request) {
        DistributorId distributorId = endpoints.id("id", id);
        Assignment a = distributors.assign(
                callers.require(), distributorId, new PartnerId(request.partnerId()), request.notes());
        return Response.created(URI.create("/api/v1/distributors/" + distributorId + "/partners/" + a.partnerId()))
                .entity(AssignmentResponse.of(a))
                .build();
    }

    @GET
    @Path("/{id}/partners")
    @Operation(
            operationId = "listDistributorPartners",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN; a DISTRIBUTOR user for its own distributor.",
            summary = "The distributor's assignments; is_active filters")
    public AssignmentList assignments(@PathParam("id") String id, @QueryParam("is_active") String active) {
        return new AssignmentList(
                distributors
                        .assignments(callers.require(), endpoints.id("id", id), QueryParams.bool("is_active", active))
                        .stream()
                        .map(AssignmentResponse::of)
                        .toList());
    }

    @PUT
    @Path("/{id}/partners/{partner_id}")
    @Operation(
            operationId = "updateAssignment",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Deactivate or reactivate an assignment: {\"is_active\": false|true}")
    public AssignmentResponse setActive(
            @PathParam("id") String id,
            @PathParam("partner_id") String partnerId,
            @Valid @NotNull AssignmentUpdate request) {
        return AssignmentResponse.of(distributors.setAssignmentActive(
                callers.require(), endpoints.id("id", id), partnerId(partnerId), request.isActive()));
    }

    @DELETE
    @Path("/{id}/partners/{partner_id}")
    @Operation(
            operationId = "unassignPartner",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Unassign a partner (removes the assignment)")
    public Response unassign(@PathParam("id") String id, @PathParam("partner_id") String partnerId) {
        distributors.unassign(callers.require(), endpoints.id("id", id), partnerId(partnerId));
        return Response.noContent().build();
    }

    private static PartnerId partnerId(String raw) {
        return new PartnerId(PathIds.uuid("partner_id", raw));
    }
}
