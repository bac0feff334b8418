package com.tentabo.prm.adapters.rest.company;

import com.tentabo.prm.adapters.rest.company.CompanyDtos.AssignRequest;
import com.tentabo.prm.adapters.rest.company.CompanyDtos.AssignmentList;
import com.tentabo.prm.adapters.rest.company.CompanyDtos.AssignmentResponse;
import com.tentabo.prm.adapters.rest.company.CompanyDtos.AssignmentUpdate;
import com.tentabo.prm.adapters.rest.openapi.InheritedOperation;
import com.tentabo.prm.adapters.rest.security.CallerContext;
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

/**
 * The distributors: the company routes of {@link CompanyRoutes}, and the partners assigned to a distributor (assign,
 * list, deactivate or reactivate, unassign).
 */
@Path(DistributorResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "distributors")
@InheritedOperation(
        method = "create",
        operationId = "createDistributor",
        description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
        summary = "Create a distributor (ADMIN, RESTRICTED_ADMIN)")
@InheritedOperation(
        method = "list",
        operationId = "listDistributors",
        summary = "List distributors",
        description =
                "Who may call: ADMIN and RESTRICTED_ADMIN (all); a DISTRIBUTOR user its own distributor; others: 403.")
@InheritedOperation(
        method = "get",
        operationId = "getDistributor",
        summary = "Get distributor",
        description = "Who may call: ADMIN and RESTRICTED_ADMIN; a DISTRIBUTOR user its own distributor.")
@InheritedOperation(
        method = "update",
        operationId = "updateDistributor",
        summary = "Update distributor",
        description = "Who may call: ADMIN and RESTRICTED_ADMIN.")
@InheritedOperation(
        method = "delete",
        operationId = "deleteDistributor",
        summary = "Delete distributor",
        description = "Who may call: ADMIN and RESTRICTED_ADMIN.")
public class DistributorResource extends CompanyRoutes<DistributorId> {

    static final String PATH = "/api/v1/distributors";

    private final ManageDistributorsUseCase distributors;
    private final CallerContext callers;

    public DistributorResource(ManageDistributorsUseCase distributors, CallerContext callers) {
        super(distributors, callers, PATH, DistributorId::new);
        this.distributors = distributors;
        this.callers = callers;
    }

    @POST
    @Path("/{id}/partners")
    @Operation(
            operationId = "assignPartner",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Assign a partner to the distributor (active at once; records assigned_by and assigned_at)")
    @APIResponseSchema(value = AssignmentResponse.class, responseCode = "201", responseDescription = "Created")
    public Response assign(@PathParam("id") String id, @Valid @NotNull AssignRequest request) {
        DistributorId distributorId = id("id", id);
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
                        .assignments(callers.require(), id("id", id), QueryParams.bool("is_active", active))
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
                callers.require(), id("id", id), partnerId(partnerId), request.isActive()));
    }

    @DELETE
    @Path("/{id}/partners/{partner_id}")
    @Operation(
            operationId = "unassignPartner",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Unassign a partner (removes the assignment)")
    public Response unassign(@PathParam("id") String id, @PathParam("partner_id") String partnerId) {
        distributors.unassign(callers.require(), id("id", id), partnerId(partnerId));
        return Response.noContent().build();
    }

    private static PartnerId partnerId(String raw) {
        return new PartnerId(PathIds.uuid("partner_id", raw));
    }
}
